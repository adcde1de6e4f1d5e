using System.Text.RegularExpressions;
using EnterpriseEval.Host.Tests.Support;
using static EnterpriseEval.Host.Tests.Support.TestFiles;

namespace EnterpriseEval.Host.Tests.Commands;

/// <summary>
/// <c>review publicize</c> and <c>review issue</c> through the command line, their documents compared with reviewed
/// golden files: rendered by the same Scriban documents as <c>notices</c>, with the batch's plug-in templates and the
/// enterprise's letterhead, document number and signature (issue 13, docs/documents.md). The audit anchor's hash,
/// signature and key id differ on every run (a fresh key, timestamps) and are replaced before comparing.
/// </summary>
public sealed partial class ReviewDocumentsGoldenTests
{
    [Fact]
    public async Task With_the_ganpower_plugin_the_documents_use_its_templates_and_enterprise()
    {
        using var dir = new TempFolder();
        var store = dir.File("review.db");
        var outDir = dir.File("out");
        await CliRun.Ok(ReviewSample.New(store));
        await CliRun.Ok(["review", "screen", "--store", store, "--batch", ReviewSample.Batch, "--roster", ReviewSample.Roster, "--user", "王审核"]);
        await CliRun.Ok(["review", "score", "--store", store, "--batch", ReviewSample.Batch, "--user", "王审核"]);
        await CliRun.Ok(["review", "vote", "--store", store, "--batch", ReviewSample.Batch, "--file", ReviewSample.Votes, "--date", "2026-12-30", "--user", "王审核"]);
        await CliRun.Ok(["review", "publicize", "--store", store, "--batch", ReviewSample.Batch, "--config", ReviewSample.Config, "--out", outDir, "--user", "王审核"]);
        await CliRun.Ok(["review", "publicize", "--store", store, "--batch", ReviewSample.Batch, "--objection", "GP0014", "--reason", "专利署名有争议", "--date", "2027-01-05", "--user", "李纪检"]);
        // Objections are resolved before the issue; upheld, GP0014 gets no notice (as when any objection withheld it).
        await CliRun.Ok(["review", "resolve", "--store", store, "--batch", ReviewSample.Batch, "--objection", "1", "--upheld", "--reason", "经核实署名确有争议", "--date", "2027-01-06", "--user", "王审核"]);
        var issue = await CliRun.Ok(["review", "issue", "--store", store, "--batch", ReviewSample.Batch, "--out", outDir, "--date", "2027-01-08", "--user", "王审核"]);

        var list = File.ReadAllText(Path.Combine(outDir, "publicity_list_0001.html"));
        var notices = Normalized(File.ReadAllText(Path.Combine(outDir, "notices", "review_result_notice_batch.html")));
        // The plug-in's templates (its red letterhead, its objection channel) and its enterprise, not 本单位.
        Assert.Contains("<header class=\"letterhead gp-letterhead\">", list, StringComparison.Ordinal);
        Assert.Contains("公司纪委信箱", list, StringComparison.Ordinal);
        Assert.Contains("<div class=\"issuer\">赣电供电服务有限公司</div>", notices, StringComparison.Ordinal);
        Assert.DoesNotContain("本单位", list + notices, StringComparison.Ordinal);
        // The 部门 column is filled from the batch's roster; the 身份证号 never appears in full.
        Assert.Contains("<td>变电运维中心</td>", list, StringComparison.Ordinal);
        Assert.DoesNotContain("360103198306150494", notices, StringComparison.Ordinal);
        Assert.Contains("人资字〔2027〕评1号", notices, StringComparison.Ordinal);
        Assert.Contains("3 份通知书", issue, StringComparison.Ordinal);
        GoldenFile.Verify("review.ganpower-supply.publicity_list.html", list);
        GoldenFile.Verify("review.ganpower-supply.publicity_list.md", File.ReadAllText(Path.Combine(outDir, "publicity_list_0001.md")));
        GoldenFile.Verify("review.ganpower-supply.review_result_notice_batch.html", notices);
        Assert.Contains("校验通过", await CliRun.Ok(["review", "verify", "--store", store]));
    }

    [Fact]
    public async Task With_a_plugin_without_review_templates_the_sdk_defaults_print_its_enterprise()
    {
        using var dir = new TempFolder();
        var store = dir.File("review.db");
        var outDir = dir.File("out");
        var votes = dir.File("votes.csv");
        File.WriteAllText(votes, """
            employee_id,path,target_level,committee,present,for,against,abstain
            HM0003,skill_to_title,assistant,15,12,10,1,1
            HM0026,skill_to_title,intermediate,15,12,11,1,0
            HM0027,skill_to_title,assistant,15,12,6,5,1
            """);
        const string batch = "2026-工程-赣江";
        await CliRun.Ok([
            "review", "new", "--store", store, "--batch", batch, "--year", "2026", "--series", "engineering", "--levels", "assistant,intermediate",
            "--plugins", Path.Combine(RepoPaths.Root, "artifacts", "plugins", "ganjiang-heavy"),
            // The enterprise's review authorisation is host configuration (docs/plugins.md, "Review authorisation").
            "--config", RepoPaths.Sample("config/ganjiang-heavy.json"), "--user", "王审核",
        ]);
        await CliRun.Ok(["review", "screen", "--store", store, "--batch", batch, "--roster", RepoPaths.Sample("rosters/ganjiang-heavy"), "--user", "王审核"]);
        await CliRun.Ok(["review", "score", "--store", store, "--batch", batch, "--user", "王审核"]);
        await CliRun.Ok(["review", "vote", "--store", store, "--batch", batch, "--file", votes, "--date", "2026-12-30", "--user", "王审核"]);
        await CliRun.Ok(["review", "publicize", "--store", store, "--batch", batch, "--config", ReviewSample.Config, "--out", outDir, "--user", "王审核"]);
        await CliRun.Ok(["review", "issue", "--store", store, "--batch", batch, "--out", outDir, "--date", "2027-01-08", "--user", "王审核"]);

        var list = File.ReadAllText(Path.Combine(outDir, "publicity_list_0001.html"));
        var notices = Normalized(File.ReadAllText(Path.Combine(outDir, "notices", "review_result_notice_batch.html")));
        Assert.Contains("<div class=\"issuer\">赣江重型机械有限公司</div>", list, StringComparison.Ordinal);
        Assert.Contains("<td>铸造车间</td>", list, StringComparison.Ordinal);
        Assert.Equal(
            ["review_result_notice_0001_HM0003.html", "review_result_notice_0002_HM0026.html", "review_result_notice_batch.html"],
            Directory.GetFiles(Path.Combine(outDir, "notices")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        GoldenFile.Verify("review.ganjiang-heavy.publicity_list.html", list);
        GoldenFile.Verify("review.ganjiang-heavy.publicity_list.md", File.ReadAllText(Path.Combine(outDir, "publicity_list_0001.md")));
        GoldenFile.Verify("review.ganjiang-heavy.review_result_notice_batch.html", notices);
        Assert.Contains("校验通过", await CliRun.Ok(["review", "verify", "--store", store]));
    }

    [Fact]
    public async Task A_plugin_template_that_does_not_load_stops_publicize_before_the_publicity_is_recorded()
    {
        using var dir = new TempFolder();
        var plugins = dir.File("plugins");
        CopyFolder(ReviewSample.Plugin, Path.Combine(plugins, "ganpower-supply"));
        var template = Path.Combine(plugins, "ganpower-supply", "Templates", "publicity_list.html.sbn");
        var store = dir.File("review.db");
        var outDir = dir.File("out");
        string[] batch = ["--store", store, "--batch", ReviewSample.Batch];

        // The template is broken before the batch is created: a file edited afterwards is refused earlier, by the
        // batch's record of every plug-in file (ReviewBatchFilesTests); here the template check itself must stop it.
        var good = File.ReadAllText(template);
        File.WriteAllText(template, good.Replace("{{ entry.department }}", "{{ entry.dept }}", StringComparison.Ordinal));
        await CliRun.Ok([
            "review", "new", .. batch, "--year", "2026", "--series", "engineering", "--levels", "assistant,intermediate",
            "--plugins", plugins, "--config", ReviewSample.Config, "--user", "王审核",
        ]);
        await CliRun.Ok(["review", "screen", .. batch, "--roster", ReviewSample.Roster, "--user", "王审核"]);
        await CliRun.Ok(["review", "score", .. batch, "--user", "王审核"]);
        await CliRun.Ok(["review", "vote", .. batch, "--file", ReviewSample.Votes, "--date", "2026-12-30", "--user", "王审核"]);

        var refused = await CliRun.Of(["review", "publicize", .. batch, "--config", ReviewSample.Config, "--out", outDir, "--user", "王审核"]);

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("模板校验未通过", refused.Output, StringComparison.Ordinal);
        Assert.Contains("ganpower-supply", refused.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
        // Nothing was recorded: the batch shows no publicity period, and its record still verifies.
        Assert.DoesNotContain("公示期", await CliRun.Ok(["review", "show", .. batch]), StringComparison.Ordinal);
        Assert.Contains("校验通过", await CliRun.Ok(["review", "verify", "--store", store]));
    }

    // 审计记录第 7 条，哈希 <64 hex>，HMAC-SHA256 签名 <64 hex>（密钥编号 <hex>）: the record number is kept.
    private static string Normalized(string text) => Anchor().Replace(text, "哈希 <hash>，HMAC-SHA256 签名 <signature>（密钥编号 <key>）");

    [GeneratedRegex("哈希 [0-9a-f]+，HMAC-SHA256 签名 [0-9a-f]+（密钥编号 [0-9a-f]+）")]
    private static partial Regex Anchor();
}
