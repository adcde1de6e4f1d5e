using EnterpriseEval.Host.Tests.Support;

namespace EnterpriseEval.Host.Tests.Commands;

public sealed class NoticesCommandTests
{
    private static readonly string Demo = RepoPaths.Sample("rosters/demo");

    [Fact]
    public async Task Post_equivalence_notices_go_to_each_appointment_active_on_the_cut_off_with_an_index()
    {
        using var outDir = new TempFolder();

        var run = await CliRun.Of(["notices", "--roster", Demo, "--kind", "post_equivalence_notice", "--as-of", "2026-12-31", "--issued-on", "2026-11-27", "--out", outDir.Path]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("生成文书 5 份", run.Output);
        var index = File.ReadAllLines(outDir.File("index.csv"));
        Assert.Equal(7, index.Length);
        Assert.Contains(index, l => l.Contains("HM0016", StringComparison.Ordinal) && l.Contains("人资字〔2026〕", StringComparison.Ordinal));
        var notice = File.ReadAllText(Directory.GetFiles(outDir.Path, "post_equivalence_notice_*_HM0016.html").Single());
        Assert.Contains("正高级", notice);
        Assert.Contains("学习进修", notice);
        Assert.Contains("2026年11月27日", notice);
        Assert.True(File.Exists(outDir.File("post_equivalence_notice_batch.html")));
    }

    [Fact]
    public async Task Screening_result_notices_go_to_every_screened_employee_in_markdown()
    {
        using var outDir = new TempFolder();

        var run = await CliRun.Of(["notices", "--roster", Demo, "--kind", "资格审查结果通知", "--format", "md", "--as-of", "2026-12-31", "--out", outDir.Path]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(74, Directory.GetFiles(outDir.Path, "screening_result_notice_*.md").Length);
        var notice = File.ReadAllText(Directory.GetFiles(outDir.Path, "screening_result_notice_*_HM0014.md").Single());
        Assert.Contains("2027年1月1日", notice);
        // The employee reads the clause as the document cites it, not the short id (docs/rules.md).
        Assert.Contains("（人社部发〔2020〕96号 二（二）1）", notice);
        Assert.DoesNotContain("96/2.2.1", notice);
    }

    [Fact]
    public async Task The_publicity_list_is_one_document_listing_the_eligible()
    {
        using var outDir = new TempFolder();

        var run = await CliRun.Of(["notices", "--roster", Demo, "--kind", "publicity_list", "--as-of", "2026-12-31", "--issued-on", "2026-11-27", "--out", outDir.Path]);

        Assert.True(run.ExitCode == 0, run.Output);
        var list = File.ReadAllText(Directory.GetFiles(outDir.Path, "publicity_list_0001*.html").Single());
        Assert.Contains("HM0012", list);
        Assert.DoesNotContain("HM0014", list);
        Assert.Contains("2026年12月3日", list);
    }

    [Fact]
    public async Task An_unknown_kind_is_refused_with_the_accepted_values()
    {
        var run = await CliRun.Of(["notices", "--roster", Demo, "--kind", "letter", "--out", "x"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("“letter”不是已知的文书种类", run.Output);
        Assert.Contains("岗位比照通知书(post_equivalence_notice)", run.Output);
    }

    [Fact]
    public async Task The_review_result_notice_is_issued_by_review_issue_not_from_a_roster()
    {
        var run = await CliRun.Of(["notices", "--roster", Demo, "--kind", "review_result_notice", "--out", "x"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("eeval review issue", run.Output);
        Assert.Contains("评审结果公示(publicity_list)", run.Output);
        Assert.DoesNotContain("评审结果通知(review_result_notice)", run.Output);
    }
}
