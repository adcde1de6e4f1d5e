using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Rules;

namespace EnterpriseEval.Sdk.Tests.Rules;

/// <summary>
/// The default occupation → series correspondence shipped as a data file (sdk/EnterpriseEval.Sdk/Data/
/// occupation-series.csv): a project default interpreting 96号 二（一） (「明确高技能人才参加职称评审的专业对应关系」) and
/// 227号 一 (工程 as the 工作重点), for the series 工程, 农业, 工艺美术 and 实验技术.
/// </summary>
public sealed class OccupationSeriesDataTests
{
    private static readonly TitleSeries[] CoveredSeries =
        [TitleSeries.Engineering, TitleSeries.Agriculture, TitleSeries.ArtsCrafts, TitleSeries.Laboratory];

    private static IEnumerable<string> Names => OccupationSeriesData.Rows.SelectMany(r => r.Aliases.Prepend(r.Occupation));

    [Fact]
    public void The_data_file_loads_with_every_series_it_was_built_for()
    {
        var rows = OccupationSeriesData.Rows;

        Assert.True(rows.Count > 40, $"only {rows.Count} rows");
        Assert.All(rows, r => Assert.Contains(r.Series, CoveredSeries));
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Specialty), r.Occupation));
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Basis), r.Occupation));
        Assert.All(CoveredSeries, s => Assert.Contains(rows, r => r.Series == s));
    }

    [Fact]
    public void The_data_file_names_its_source_and_that_it_is_a_project_default()
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot(), "sdk", "EnterpriseEval.Sdk", "Data", "occupation-series.csv"));

        Assert.Contains("《中华人民共和国职业分类大典（2022年版）》", text, StringComparison.Ordinal);
        Assert.Contains("项目默认", text, StringComparison.Ordinal);
        Assert.Contains("96/2.1", text, StringComparison.Ordinal);
        Assert.Contains("227/1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Occupations_outside_the_series_it_covers_are_left_out()
    {
        // 中式烹调师 and the like have no title in 工程, 农业, 工艺美术 or 实验技术: declaring one would be a guess.
        Assert.DoesNotContain("中式烹调师", Names);
        Assert.DoesNotContain("保安员", Names);
    }

    [Fact]
    public void Every_occupation_of_the_sample_rosters_is_declared()
    {
        var declared = Names.ToHashSet(StringComparer.Ordinal);
        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var folder in Directory.GetDirectories(Path.Combine(RepoRoot(), "samples", "rosters")))
        {
            foreach (var file in new[] { "employees.csv", "skill_certificates.csv" })
            {
                var path = Path.Combine(folder, file);
                if (File.Exists(path))
                {
                    used.UnionWith(Column(path, "occupation", "职业工种"));
                }
            }
        }

        Assert.True(used.Count > 20, $"only {used.Count} occupations found in the samples");
        Assert.Equal("", string.Join("、", used.Where(o => !declared.Contains(o))));
    }

    [Theory]
    [InlineData("occupation,aliases,series,specialty,basis\n车工,,航天,机械,x\n", "line 2")]
    [InlineData("occupation,aliases,series,specialty,basis\n车工,,工程,机械\n", "expected 5 columns")]
    [InlineData("occupation,aliases,series,specialty,basis\n车工,,工程,机械,x\n数控车工,车工,工程,机械,x\n", "'车工' is listed twice")]
    public void A_malformed_data_file_is_a_build_defect_named_by_line(string text, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => OccupationSeriesData.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    // The roster CSVs are plain (no quoted commas in these columns); the header may be English or Chinese.
    private static IEnumerable<string> Column(string path, string english, string chinese)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        var index = Array.FindIndex(header, h => h == english || h == chinese);
        Assert.True(index >= 0, $"{path} has no {english} column");
        return lines.Skip(1)
            .Select(l => l.Split(','))
            .Where(cells => cells.Length > index && cells[index].Trim().Length > 0)
            .Select(cells => cells[index].Trim());
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EnterpriseEval.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EnterpriseEval.sln not found above the test output folder.");
    }
}
