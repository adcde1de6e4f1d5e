using EnterpriseEval.Host.Cli;
using System.Globalization;
using EnterpriseEval.Engine.Screening;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;
using Spectre.Console;

namespace EnterpriseEval.Host.Commands;

/// <summary>The summary a person reads after <c>eeval screen</c>.</summary>
internal static class ScreeningSummaryView
{
    public static void Render(IAnsiConsole console, ScreeningReport report, string outputDirectory)
    {
        console.MarkupLine(
            $"[bold]资格筛查完成[/]  截止日期 {report.AsOf.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)}  规则集 {ConsoleText.Escape(StatutoryRuleSet.Version)}");

        // Only reached with --allow-statutory-only: otherwise a refusal stops the run (docs/plugins.md, "When a plug-in is refused").
        foreach (var refused in report.PluginsRefused)
        {
            console.MarkupLine($"[yellow]警告：[/]{ConsoleText.Escape(refused)}（按 --allow-statutory-only 继续，未使用该插件）");
        }

        console.MarkupLine(report.PluginsLoaded.Count == 0
            ? "插件：无（仅执行法定规则）"
            : $"插件：{ConsoleText.Escape(string.Join("；", report.PluginsLoaded))}");

        foreach (var note in report.RosterNotes ?? [])
        {
            console.MarkupLine($"[yellow]提示：[/]{ConsoleText.Escape(note)}");
        }

        if (report.RosterReadWhole is { } why)
        {
            console.MarkupLine(
                $"[yellow]提示：[/]{ConsoleText.Escape(why)}，花名册改为整体读入：结果不受影响，但占用内存较多。" +
                "大型花名册请让各表按 employees.csv 的员工顺序导出（见 docs/roster.md）。");
        }

        if (report.ApplicationsWarning is { } empty)
        {
            console.MarkupLine($"[yellow]警告：[/]{ConsoleText.Escape(empty)}");
        }

        foreach (var warning in report.RosterWarnings ?? [])
        {
            console.MarkupLine($"[yellow]注意：[/]{ConsoleText.Escape(warning)}");
        }

        var totals = new Table().Border(TableBorder.Rounded).AddColumn("项目").AddColumn(new TableColumn("数量").RightAligned());
        totals.AddRow("读取员工", Count(report.EmployeesRead));
        totals.AddRow("参加筛查员工", Count(report.EmployeesScreened));
        if (report.NotApplied > 0)
        {
            totals.AddRow("未申报、未筛查员工（有申报表时只筛查申报人员）", Count(report.NotApplied));
        }

        totals.AddRow(report.RejectLines > 0 ? "[yellow]拒收行（见 rejects.csv）[/]" : "拒收行", Count(report.RejectLines));
        totals.AddRow("岗位比照（在聘）", Count(report.Equivalences));
        if (report.EquivalencesToReview > 0)
        {
            totals.AddRow("[yellow]其中岗位比照待复核（证书与聘任等级不符，见 equivalences.csv）[/]", Count(report.EquivalencesToReview));
        }

        console.Write(totals);

        var outcomes = Enum.GetValues<Outcome>();
        var byPath = new Table().Border(TableBorder.Rounded).Title("各路径判定结果").AddColumn("申报路径");
        foreach (var o in outcomes)
        {
            byPath.AddColumn(new TableColumn(ShortName(o)).RightAligned());
        }

        byPath.AddColumn(new TableColumn("合计").RightAligned());
        foreach (var path in Enum.GetValues<ScreeningPath>())
        {
            var cells = outcomes.Select(o => report.DecisionCounts.GetValueOrDefault((path, o))).ToList();
            byPath.AddRow([path.ToChinese(), .. cells.Select(Count), Count(cells.Sum())]);
        }

        console.Write(byPath);
        console.MarkupLine($"结果已写入 [green]{ConsoleText.Escape(Path.GetFullPath(outputDirectory))}[/]：");
        foreach (var file in report.FilesWritten)
        {
            console.MarkupLine($"  {ConsoleText.Escape(Path.GetFileName(file))}");
        }

        console.MarkupLine("[grey]说明：判定结果仅表示本人“可以”申报，是否申报由本人自愿决定（人社部发〔2020〕96号 二（五））。[/]");
    }

    private static string ShortName(Outcome outcome) => outcome switch
    {
        Outcome.Eligible => "符合",
        Outcome.NotEligible => "暂不符合",
        Outcome.NeedsReview => "需复核",
        _ => "超出权限",
    };

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
