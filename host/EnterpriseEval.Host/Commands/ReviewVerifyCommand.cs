using EnterpriseEval.Host.Cli;
using EnterpriseEval.Workflow.Review;
using EnterpriseEval.Workflow.Review.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary>
/// <c>eeval review verify</c>: checks the audit chain, its signed head, every stored row and every issued file;
/// non-zero exit on any alteration, and on a store that does not exist.
/// </summary>
internal sealed class ReviewVerifyCommand(ReviewStoreFactory stores, IAnsiConsole console) : Command<ReviewVerifySettings>
{
    public override int Execute(CommandContext context, ReviewVerifySettings settings, CancellationToken cancellationToken)
    {
        using var store = stores.OpenExisting(settings.Store);
        var problems = store.Verify().ToList();

        // The plug-in files and authorisation file each batch recorded at `review new` (docs/plugins.md, "Review batches").
        problems.AddRange(BatchIntegrity.Problems(store));
        var entries = store.Audit(null);
        if (settings.Anchor is { } anchor && AuditAnchor.Check(entries, anchor) is { } rolledBack)
        {
            problems.Add(rolledBack);
        }

        if (problems.Count == 0)
        {
            console.MarkupLine($"[green]校验通过[/]：审计链 {entries.Count} 条记录完整，链头签名有效，所有存储记录及已发文件均与审计链一致。");
            console.MarkupLine($"审计链头：{ConsoleText.Escape(store.Head()!.Describe())}");
            return 0;
        }

        foreach (var p in problems)
        {
            console.MarkupLine($"[red]篡改：[/]{ConsoleText.Escape(p)}");
        }

        console.MarkupLine($"[red]校验未通过[/]：{problems.Count} 处记录与审计链不符。");
        return EevalApp.FailureExitCode;
    }
}
