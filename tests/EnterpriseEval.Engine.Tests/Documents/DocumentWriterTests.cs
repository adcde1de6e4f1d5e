using EnterpriseEval.Engine.Documents;
using EnterpriseEval.Sdk.Documents;

namespace EnterpriseEval.Engine.Tests.Documents;

public sealed class DocumentWriterTests
{
    private static readonly DocumentWriter Writer = new(new DocumentRenderer(TemplateCatalog.Load([])));

    [Fact]
    public void Html_batch_gives_one_file_per_notice_and_one_file_to_print_them_all()
    {
        using var output = new TempFolder();
        var models = People(3);

        var files = Writer.Write(DocumentKind.PostEquivalenceNotice, models, DocumentFormat.Html, output.Path);

        Assert.Equal(
            ["post_equivalence_notice_0001_E0.html", "post_equivalence_notice_0002_E1.html", "post_equivalence_notice_0003_E2.html", "post_equivalence_notice_batch.html"],
            files.Select(Path.GetFileName));
        var batch = File.ReadAllText(files[^1]);
        Assert.Equal(3, Count(batch, "<article class=\"notice\">"));
        Assert.Equal(1, Count(batch, "<html"));
        Assert.True(batch.IndexOf("员工0", StringComparison.Ordinal) < batch.IndexOf("员工2", StringComparison.Ordinal));
        Assert.Contains("<title>岗位比照通知书（员工1）</title>", File.ReadAllText(files[1]), StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_batch_gives_one_file_per_notice()
    {
        using var output = new TempFolder();

        var files = Writer.Write(DocumentKind.PostEquivalenceNotice, People(2), DocumentFormat.Markdown, output.Path);

        Assert.Equal(["post_equivalence_notice_0001_E0.md", "post_equivalence_notice_0002_E1.md"], files.Select(Path.GetFileName));
    }

    [Fact]
    public void Parallel_rendering_gives_the_same_output_as_one_at_a_time()
    {
        using var parallel = new TempFolder();
        using var sequential = new TempFolder();
        var models = People(100);
        var oneAtATime = new DocumentWriter(new DocumentRenderer(
            TemplateCatalog.Load([], options: DocumentRenderOptions.Default with { ParallelThreshold = int.MaxValue })));

        var a = Writer.Write(DocumentKind.PostEquivalenceNotice, models, DocumentFormat.Html, parallel.Path);
        var b = oneAtATime.Write(DocumentKind.PostEquivalenceNotice, models, DocumentFormat.Html, sequential.Path);

        Assert.Equal(a.Select(File.ReadAllText), b.Select(File.ReadAllText));
    }

    [Fact]
    public void Employee_id_that_is_not_a_safe_file_name_is_made_safe()
    {
        using var output = new TempFolder();
        var model = DocumentSamples.PostEquivalence(DocumentSamples.Person with { EmployeeId = "../HD 1/2" });

        var files = Writer.Write(DocumentKind.PostEquivalenceNotice, [model], DocumentFormat.Markdown, output.Path);

        Assert.Equal(output.Path, Path.GetDirectoryName(Assert.Single(files)));
    }

    internal static object[] People(int count) =>
        [.. Enumerable.Range(0, count).Select(i => DocumentSamples.PostEquivalence(DocumentSamples.Person with { EmployeeId = $"E{i}", Name = $"员工{i}" }))];

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
