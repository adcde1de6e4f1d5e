using System.Diagnostics;
using EnterpriseEval.Engine.Documents;
using EnterpriseEval.Sdk.Documents;
using Xunit.Abstractions;

namespace EnterpriseEval.Engine.Tests.Documents;

/// <summary>
/// Measures, by hand, how long 10,000 post-equivalence notices take (target: under 5 s on two cores). Not a timed
/// test: it reports the figure and only fails if rendering itself fails. Run with
/// <c>EEVAL_PERF=1 dotnet test tests/EnterpriseEval.Engine.Tests --filter RenderingThroughputProbe --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class RenderingThroughputProbe(ITestOutputHelper output)
{
    [ManualFact("EEVAL_PERF")]
    public void Render_ten_thousand_post_equivalence_notices()
    {
        var models = DocumentWriterTests.People(10_000);
        var loading = Stopwatch.StartNew();
        var renderer = new DocumentRenderer(TemplateCatalog.Load([]));
        loading.Stop();
        var writer = new DocumentWriter(renderer);
        using var folder = new TempFolder();

        var (inMemory, inMemoryCpu) = Measure(() => renderer.RenderAll(DocumentKind.PostEquivalenceNotice, DocumentFormat.Html, models));
        var (toFiles, toFilesCpu) = Measure(() => writer.Write(DocumentKind.PostEquivalenceNotice, models, DocumentFormat.Html, folder.Path));

        // CPU time is reported beside wall time: other jobs on a shared machine stretch the wall time, not the work.
        output.WriteLine($"处理器 {Environment.ProcessorCount} 个；加载并检查全部模板 {loading.ElapsedMilliseconds} ms");
        output.WriteLine($"内存渲染 10000 份：耗时 {inMemory} ms，CPU {inMemoryCpu} ms");
        output.WriteLine($"渲染并写入 10001 个文件（含合并打印文件）：耗时 {toFiles} ms，CPU {toFilesCpu} ms");
        Assert.Equal(10_001, Directory.GetFiles(folder.Path).Length);
    }

    private static (long WallMs, long CpuMs) Measure(Action action)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        action();
        wall.Stop();
        return (wall.ElapsedMilliseconds, (long)(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
    }
}
