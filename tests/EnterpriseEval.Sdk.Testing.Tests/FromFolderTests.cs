using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Testing.Tests;

public sealed class FromFolderTests
{
    private static readonly string Repository = FindRepository();

    [Fact]
    public void A_published_plugin_loads_in_its_own_context_and_screens_a_roster_folder()
    {
        using var host = PluginTestHost.FromFolder(Path.Combine(Repository, "artifacts", "plugins", "ganjiang-heavy"));

        var run = host.ScreenRoster(Path.Combine(Repository, "samples", "rosters", "ganjiang-heavy"), new DateOnly(2026, 12, 31));

        // samples/rosters/ganjiang-heavy/README.md: HM0012 fails continuing education for 助理级; 7 deliberately bad rows.
        run.DecisionsFor("HM0012")
            .Single(d => d.Path == ScreeningPath.SkillToTitle && d.TargetTitleLevel == TitleLevel.Assistant)
            .ShouldBe(Outcome.NotEligible)
            .ShouldHaveFinding("GJ-CE", FindingKind.Failed);
        Assert.NotEmpty(run.RosterRejects);
        Assert.StartsWith("ganjiang-heavy@", run.PluginProvenance, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_plugins_fails()
    {
        var empty = Directory.CreateTempSubdirectory("eeval-kit-").FullName;
        try
        {
            var e = Assert.Throws<PluginAssertionException>(() => PluginTestHost.FromFolder(empty));
            Assert.Contains("没有插件", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EnterpriseEval.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EnterpriseEval.sln not found above " + AppContext.BaseDirectory);
    }
}
