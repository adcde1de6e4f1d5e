using EnterpriseEval.Host.Cli;
using EnterpriseEval.Workflow.Review;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary><c>eeval review new</c>: creates a review batch and records its rules.</summary>
internal sealed class ReviewNewCommand(ReviewStoreFactory stores, ReviewBatches batches, IAnsiConsole console) : Command<ReviewNewSettings>
{
    public override int Execute(CommandContext context, ReviewNewSettings settings, CancellationToken cancellationToken)
    {
        var (store, createdKey) = stores.OpenForNew(settings.Store);
        using var _ = store;
        if (createdKey is not null)
        {
            console.MarkupLine($"[yellow]已创建审计密钥文件[/] {ConsoleText.Escape(createdKey)}（仅本用户可读写）：它为审计链签名，请妥善保管并另行备份；丢失后无法校验签名，泄露后须换签（见 docs/security.md）。");
        }

        var request = new NewBatchRequest(
            settings.Batch!, settings.Year, settings.Series!, settings.Levels!,
            settings.AsOf is null ? null : DateArgument.Parse(settings.AsOf), settings.Plugins);
        var batch = batches.Create(store, request, settings.UserName);
        var d = batch.Definition;
        console.MarkupLine($"[bold]已建立评审批次[/] {ConsoleText.Escape(d.Name)}（{d.Year}年度，截止日期 {ConsoleText.Escape(d.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))}）");
        console.MarkupLine($"范围：系列 {ConsoleText.Escape(d.Series)}，层级 {ConsoleText.Escape(d.Levels)}");
        console.MarkupLine($"授权：{ConsoleText.Escape(d.Authorisation)}");
        console.MarkupLine($"插件：{ConsoleText.Escape(d.Plugins)}");
        console.MarkupLine($"规则集：{ConsoleText.Escape(d.RuleSetVersion)}");
        return 0;
    }
}
