using EnterpriseEval.Host.Cli;
using EnterpriseEval.Engine.Notices;
using EnterpriseEval.Engine.Screening;
using EnterpriseEval.Sdk.Documents;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary><c>eeval notices</c>: renders one kind of notice for everyone it concerns.</summary>
internal sealed class NoticesCommand(NoticesJob job, ScreeningJob screening, WatchLoop watch, IAnsiConsole console) : AsyncCommand<NoticesSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, NoticesSettings settings, CancellationToken cancellationToken)
    {
        var request = new NoticesRequest(
            new ScreeningRequest(settings.Roster!, settings.AsOf is null ? null : DateArgument.Parse(settings.AsOf), settings.Out!, settings.Plugins, settings.AllowStatutoryOnly),
            settings.ParsedKind,
            settings.ParsedFormat,
            settings.IssuedOn is null ? null : DateArgument.Parse(settings.IssuedOn));
        var screened = ProgressDisplay.Run(console, progress => screening.Screen(request.Screening, progress, cancellationToken));
        try
        {
            Show(job.Render(screened, request));
            ShowRosterWarnings(screened);
            if (settings.Watch)
            {
                await watch.RunAsync(settings.Plugins, settings.Roster!, change =>
                {
                    if (change.NeedsReload)
                    {
                        screened.Dispose();
                        screened = screening.Screen(request.Screening, null, cancellationToken);
                    }

                    Show(job.Render(screened, request));
                    ShowRosterWarnings(screened);
                }, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            screened.Dispose();
        }

        return 0;
    }

    // Files read as GB18030, tables with a header and no rows (docs/roster.md), as eeval screen says them.
    private void ShowRosterWarnings(ScreenedRoster screened)
    {
        foreach (var warning in screened.Roster.Warnings)
        {
            console.MarkupLine($"[yellow]注意：[/]{ConsoleText.Escape(warning)}");
        }
    }

    private void Show(NoticesReport report)
    {

        // Only reached with --allow-statutory-only: otherwise a refusal stops the run (docs/plugins.md, "When a plug-in is refused").
        foreach (var refused in report.PluginsRefused)
        {
            console.MarkupLine($"[yellow]警告：[/]{ConsoleText.Escape(refused)}（按 --allow-statutory-only 继续，未使用该插件）");
        }

        console.MarkupLine($"[bold]文书生成完成[/]  {report.Kind.ToChinese()}（{report.Kind.ToCode()}）");
        console.MarkupLine(report.PluginsLoaded.Count == 0
            ? "插件：无（仅执行法定规则，使用默认模板）"
            : $"插件：{ConsoleText.Escape(string.Join("；", report.PluginsLoaded))}");
        console.MarkupLine($"参加筛查员工 {report.EmployeesScreened:N0} 人，拒收行 {report.RejectLines:N0}，生成文书 [green]{report.Documents:N0}[/] 份。");
        if (report.Held.Count > 0)
        {
            console.MarkupLine($"[yellow]待复核 {report.Held.Count:N0} 份未出具[/]：在聘等级未得到所持证书支持，岗位比照须人工复核（人社部发〔2020〕96号 二（五）），已列入清单：");
            foreach (var h in report.Held)
            {
                console.MarkupLine($"  {ConsoleText.Escape(h.EmployeeId)} {ConsoleText.Escape(h.Name)}：{ConsoleText.Escape(h.Reason)}");
            }
        }

        if (report.Documents == 0 && report.Held.Count == 0)
        {
            console.MarkupLine("[yellow]没有需要发出的此类文书（例如未加载提供薪酬津贴标准的插件，或无在聘人员）。[/]");
        }

        console.MarkupLine($"清单：[green]{ConsoleText.Escape(Path.GetFullPath(report.IndexFile))}[/]");
    }
}
