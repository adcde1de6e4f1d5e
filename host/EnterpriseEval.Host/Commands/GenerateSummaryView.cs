using EnterpriseEval.Host.Cli;
using System.Globalization;
using EnterpriseEval.Workflow.Generation;
using Spectre.Console;

namespace EnterpriseEval.Host.Commands;

/// <summary>The short summary a person reads after <c>eeval generate</c>.</summary>
internal static class GenerateSummaryView
{
    public static void Render(IAnsiConsole console, GenerationRequest request, GenerationSummary summary, TimeSpan elapsed)
    {
        console.MarkupLine(
            $"[bold]花名册已生成[/]  员工 {Count(summary.EmployeeRows)} 行  种子 {request.Seed}  用时 {elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} 秒");
        var files = new Table().Border(TableBorder.Rounded).AddColumn("文件").AddColumn(new TableColumn("数据行").RightAligned());
        foreach (var (file, rows) in summary.RowsByFile)
        {
            files.AddRow(ConsoleText.Escape(file), Count(rows));
        }

        console.Write(files);
        console.MarkupLine($"故意写入的错误行 {Count(summary.Planted.Count)} 行（筛查时应出现在 rejects.csv 中）。");
        console.MarkupLine($"已写入 [green]{ConsoleText.Escape(Path.GetFullPath(request.OutputDirectory))}[/]；数据以 {EmployeeSynthesizer.ReferenceDate.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)} 为基准，筛查时可用 --as-of {EmployeeSynthesizer.ReferenceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}。");
    }

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
