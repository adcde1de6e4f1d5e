using System.Text;
using System.Text.RegularExpressions;
using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Workflow.Review;
using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Engine.Tests.Support;
using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Tests.Roster;

/// <summary>
/// Issue #19, "Rosters as HR offices save them": the demo roster as Excel on Chinese Windows saves it — GB18030, files
/// named in Chinese, dates written 2021年7月1日, ids, dates and years typed in full width — gives exactly the decisions
/// of its clean UTF-8 twin. The variants are made here from samples/rosters/demo, not stored.
/// </summary>
public sealed partial class HrOfficeRosterTests : IDisposable
{
    private static readonly Dictionary<string, string> ChineseFileNames = new()
    {
        ["employees"] = "员工", ["skill_certificates"] = "职业技能等级证书", ["titles"] = "职称", ["assessments"] = "年度考核",
        ["honours"] = "荣誉", ["achievements"] = "业绩成果", ["work_periods"] = "工作经历",
    };

    private static readonly Encoding Gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;

    private readonly string _folder = Directory.CreateTempSubdirectory("eeval-hr-roster-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_GB18030_copy_of_the_demo_gives_exactly_its_decisions_and_rejects_and_the_summary_names_the_files()
    {
        var demo = SamplePath("demo");
        var copy = Variant(demo, "gb18030", text => text, Gb18030, chineseNames: false);

        var clean = RosterReader.ReadFolder(demo);
        var gbk = RosterReader.ReadFolder(copy);

        Assert.Equal(Decisions(clean), Decisions(gbk));
        Assert.Equal(clean.Rejects, gbk.Rejects);
        var warning = Assert.Single(gbk.Warnings);
        Assert.StartsWith(
            "achievements.csv、employees.csv、skill_certificates.csv、titles.csv 不是 UTF-8 编码，已按 GB18030（GBK）编码读入",
            warning,
            StringComparison.Ordinal);
        Assert.Empty(clean.Warnings);
    }

    [Fact]
    public void Chinese_dates_and_full_width_ids_dates_and_years_give_exactly_the_decisions_of_the_clean_demo()
    {
        var demo = SamplePath("demo");
        var copy = Variant(demo, "typed", TypedByHand, Encoding.UTF8, chineseNames: false);

        var clean = RosterReader.ReadFolder(demo);
        var typed = RosterReader.ReadFolder(copy);

        Assert.Equal(Decisions(clean), Decisions(typed));
        Assert.Equal(clean.Rejects.Select(r => (r.File, r.Row, r.Column)), typed.Rejects.Select(r => (r.File, r.Row, r.Column)));
        Assert.Equal(clean.Records.Sum(r => r.Certificates.Count), typed.Records.Sum(r => r.Certificates.Count));
    }

    [Fact]
    public void All_of_it_at_once_in_Chinese_file_names_gives_the_same_decisions_read_whole_or_streamed()
    {
        var demo = SamplePath("demo");
        var copy = Variant(demo, "all", TypedByHand, Gb18030, chineseNames: true);

        var clean = RosterReader.ReadFolder(demo);
        var whole = RosterReader.ReadFolder(copy);
        using var stream = RosterReader.OpenStream(copy)!;
        var streamed = new List<EmployeeRecord>();
        while (stream.Next(1_000) is { } chunk)
        {
            streamed.AddRange(chunk);
        }

        Assert.Equal(Decisions(clean), Decisions(whole));
        Assert.Equal(whole.Records.Select(RosterProjection.Of), streamed.Select(RosterProjection.Of));
        Assert.Equal(whole.Rejects, stream.Rejects());
        Assert.Equal(whole.Warnings, stream.Warnings());
        Assert.Contains(whole.Rejects, r => r.File == "员工.csv");
        Assert.Contains("员工.csv", Assert.Single(whole.Warnings), StringComparison.Ordinal);
    }

    private static List<StoredDecision> Decisions(RosterReadResult roster) =>
        [.. DecisionRecord.FromResult(PluginRun.Screen(PluginSet.Empty, roster.Records, Employees.AsOf), 0)];

    /// <summary>
    /// As typed by an HR officer with a Chinese input method: every other date as 2021年7月1日 and the rest in full
    /// width, every 工号 and 年度 in full width (ＨＭ０００１, ２０２４), certificate numbers in full width.
    /// </summary>
    private static string TypedByHand(string text)
    {
        var n = 0;
        text = IsoDate().Replace(text, m =>
        {
            var (y, mo, d) = (m.Groups[1].Value, int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value));
            return n++ % 2 == 0 ? $"{y}年{mo}月{d}日" : Wide($"{y}-{mo:00}-{d:00}");
        });
        text = EmployeeId().Replace(text, m => Wide(m.Value));
        text = Year().Replace(text, m => Wide(m.Value));
        return CertificateNo().Replace(text, m => Wide(m.Value));
    }

    private static string Wide(string text) =>
        string.Concat(text.Select(c => c is >= '!' and <= '~' ? (char)(c + 0xFEE0) : c));

    private string Variant(string sample, string name, Func<string, string> rewrite, Encoding encoding, bool chineseNames)
    {
        var folder = Path.Combine(_folder, name);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(sample, "*.csv"))
        {
            var table = Path.GetFileNameWithoutExtension(file);
            var target = chineseNames ? ChineseFileNames.GetValueOrDefault(table, table) : table;
            File.WriteAllBytes(Path.Combine(folder, target + ".csv"), encoding.GetBytes(rewrite(File.ReadAllText(file))));
        }

        return folder;
    }

    private static string SamplePath(string sample)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EnterpriseEval.sln")))
            {
                return Path.Combine(dir.FullName, "samples", "rosters", sample);
            }
        }

        throw new InvalidOperationException("repository root not found");
    }

    [GeneratedRegex(@"\b(\d{4})-(\d{2})-(\d{2})\b")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?<=^|,)HM\d{4}(?=,|$)", RegexOptions.Multiline)]
    private static partial Regex EmployeeId();

    [GeneratedRegex(@"(?<=^[^,\n]+,)20\d\d(?=,)", RegexOptions.Multiline)]
    private static partial Regex Year();

    [GeneratedRegex(@"(?<=,)\d{16}(?=,)")]
    private static partial Regex CertificateNo();
}
