using EnterpriseEval.Host.Cli;
using EnterpriseEval.Workflow.Review;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary>
/// <c>eeval review rekey</c>: verifies the store with the old audit key and signs its chain head with the key now
/// configured (also signs a store of an older version that has no signed head yet).
/// </summary>
internal sealed class ReviewRekeyCommand(ReviewStoreFactory stores, AuditRekey rekey, IAnsiConsole console) : Command<ReviewRekeySettings>
{
    public override int Execute(CommandContext context, ReviewRekeySettings settings, CancellationToken cancellationToken)
    {
        using var store = stores.OpenExisting(settings.Store);
        var (head, oldId, newId) = rekey.Run(store, settings.OldKeyFile, settings.UserName);
        console.MarkupLine(oldId is null
            ? $"[bold]已签名[/]：全部记录校验通过，审计链头以密钥 {ConsoleText.Escape(newId)} 签名。"
            : $"[bold]已换签[/]：全部记录以旧密钥 {ConsoleText.Escape(oldId)} 校验通过，审计链头改以新密钥 {ConsoleText.Escape(newId)} 签名。旧密钥请另行保存，以便核对此前通知书上的签名。");
        console.MarkupLine($"审计链头：{ConsoleText.Escape(head.Describe())}");
        return 0;
    }
}
