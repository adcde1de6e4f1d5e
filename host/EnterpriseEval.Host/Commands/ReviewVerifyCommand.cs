using EnterpriseEval.Host.Cli;
using EnterpriseEval.Runtime.Review;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary><c>eeval review verify</c>: checks the audit chain and every stored row; non-zero exit on any alteration.</summary>
internal sealed class ReviewVerifyCommand(ReviewStoreFactory stores, IAnsiConsole console) : Command<ReviewSettings>
{
    public override int Execute(CommandContext context, ReviewSettings settings, CancellationToken cancellationToken)
    {
        using var store = stores.Open(settings.Store);
        var problems = store.Verify();
        var entries = store.Audit(null).Count;
        if (problems.Count == 0)
        {
            console.MarkupLine($"[green]校验通过[/]：审计链 {entries} 条记录完整，所有存储记录与审计链一致。");
            return 0;
        }

        foreach (var p in problems)
        {
            console.MarkupLine($"[red]篡改：[/]{Markup.Escape(p)}");
        }

        console.MarkupLine($"[red]校验未通过[/]：{problems.Count} 处记录与审计链不符。");
        return EevalApp.FailureExitCode;
    }
}
