using System.Diagnostics;
using EnterpriseEval.Runtime.Documents;
using EnterpriseEval.Sdk.Documents;
using Xunit.Abstractions;

namespace EnterpriseEval.Runtime.Tests.Documents;

/// <summary>
/// Measures, by hand, how long 10,000 post-equivalence notices take (target: under 5 s on two cores). Not a timed
/// test: it reports the figure and only fails if rendering itself fails. Run with
/// <c>EEVAL_PERF=1 dotnet test tests/EnterpriseEval.Runtime.Tests --filter RenderingThroughputProbe --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class RenderingThroughputProbe(ITestOutputHelper output)
{
    [ManualFact("EEVAL_PERF")]
    public void Render_ten_thousand_post_equivalence_notices()
    {
        var models = DocumentWriterTests.People(10_000);
        var loading = Stopwatch.StartNew();
        var writer = new DocumentWriter(new DocumentRenderer(TemplateCatalog.Load([])));
        loading.Stop();
        using var folder = new TempFolder();

        var inMemory = Stopwatch.StartNew();
        var rendered = new DocumentRenderer(TemplateCatalog.Load([])).RenderAll(DocumentKind.PostEquivalenceNotice, DocumentFormat.Html, models);
        inMemory.Stop();
        var toFiles = Stopwatch.StartNew();
        var files = writer.Write(DocumentKind.PostEquivalenceNotice, models, DocumentFormat.Html, folder.Path);
        toFiles.Stop();

        output.WriteLine($"处理器 {Environment.ProcessorCount} 个；加载模板 {loading.ElapsedMilliseconds} ms");
        output.WriteLine($"内存渲染 {rendered.Length} 份：{inMemory.ElapsedMilliseconds} ms");
        output.WriteLine($"渲染并写入 {files.Count} 个文件（含合并打印文件）：{toFiles.ElapsedMilliseconds} ms");
        Assert.Equal(10_001, files.Count);
    }
}
