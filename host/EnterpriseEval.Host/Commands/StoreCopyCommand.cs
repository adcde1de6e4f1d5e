using System.Globalization;
using EnterpriseEval.Engine;
using EnterpriseEval.Host.Cli;
using EnterpriseEval.Workflow.Review;
using EnterpriseEval.Workflow.Review.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary>
/// <c>eeval store copy --from STORE --to STORE</c> (docs/store.md, "Copying a store"): copies a whole review store
/// between SQLite and PostgreSQL (either way, or to another file or database of the same kind), shows each table's
/// progress and a summary, then verifies the copy as <c>review verify</c> does; non-zero exit when it does not pass.
/// Stores are named by <see cref="StoreLocation.Display"/>, never with a password.
/// </summary>
internal sealed class StoreCopyCommand(StoreCopy copy, IAnsiConsole console) : Command<StoreCopySettings>
{
    /// <summary>Problems listed after a failed verification; <c>review verify</c> lists them all.</summary>
    private const int ProblemsShown = 50;

    public override int Execute(CommandContext context, StoreCopySettings settings, CancellationToken cancellationToken)
    {
        var from = StoreLocation.Parse(settings.From!);
        var to = StoreLocation.Parse(settings.To!);
        console.MarkupLine($"[bold]复制评审数据库[/]：{ConsoleText.Escape(from.Display)} → {ConsoleText.Escape(to.Display)}");
        StoreCopyResult result;
        try
        {
            result = WithProgress(progress => copy.Run(from, to, progress, cancellationToken));
        }
        catch (OperationCanceledException e)
        {
            throw new UserFacingException($"复制已中止：目标 {to.Display} 未写入任何记录（临时文件已删除，PostgreSQL 的事务已回滚）", e);
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("表").AddColumn(new TableColumn("行数").RightAligned());
        foreach (var t in result.Tables)
        {
            table.AddRow(ConsoleText.Escape(t.Name), Count(t.Rows));
        }

        table.AddRow("[bold]合计[/]", $"[bold]{Count(result.Rows)}[/]");
        console.Write(table);
        console.MarkupLine(
            $"[bold]已复制[/] {result.Tables.Count} 张表、{Count(result.Rows)} 行（结构版本 {result.SchemaVersion}，用时 "
            + $"{result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} 秒）到 {ConsoleText.Escape(result.To)}。");

        // The copy must pass what `review verify` checks on the original (docs/security.md): chain, signed head, rows.
        console.MarkupLine("正在校验目标库（审计链、签名的链头、每条记录、已发文件）……");
        var (problems, entries, head) = copy.Verify(to);
        if (problems.Count == 0)
        {
            console.MarkupLine($"[green]校验通过[/]：目标库审计链 {entries} 条记录完整，链头签名有效，所有存储记录及已发文件均与审计链一致。");
            if (head is not null)
            {
                console.MarkupLine($"审计链头：{ConsoleText.Escape(head.Describe())}");
            }

            return 0;
        }

        foreach (var p in problems.Take(ProblemsShown))
        {
            console.MarkupLine($"[red]校验：[/]{ConsoleText.Escape(p)}");
        }

        if (problems.Count > ProblemsShown)
        {
            console.MarkupLine($"……另有 {Count(problems.Count - ProblemsShown)} 处未列出（eeval review verify 列出全部）。");
        }

        console.MarkupLine(
            $"[red]校验未通过[/]：目标库 {ConsoleText.Escape(result.To)} 有 {Count(problems.Count)} 处与审计链不符。"
            + "请对源库运行 eeval review verify（--store 与本次的 --from 相同）查看它本身是否通过校验；审计密钥须与签名时相同（见 docs/security.md）。");
        return EevalApp.FailureExitCode;
    }

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A bar per table on an interactive console; nothing on a pipe or in CI (as <see cref="ProgressDisplay"/>).</summary>
    private T WithProgress<T>(Func<Action<StoreCopyStage>?, T> run)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return run(null);
        }

        T result = default!;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                result = run(stage =>
                {
                    if (!tasks.TryGetValue(stage.Table, out var task))
                    {
                        tasks[stage.Table] = task = ctx.AddTask(ConsoleText.Escape(stage.Table));
                    }

                    task.MaxValue = Math.Max(1, stage.Total);
                    task.Value = stage.Total == 0 ? 1 : stage.Done;
                });
            });
        return result;
    }
}
