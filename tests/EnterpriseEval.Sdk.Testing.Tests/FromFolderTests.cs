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
    public void A_scoped_plugin_judges_only_employees_of_the_units_its_scope_names()
    {
        // ganjiang-heavy's plugin.json: "scope": {"enterpriseCodes": ["GJZJ"]} (docs/plugins.md, "Scope").
        using var host = PluginTestHost.FromFolder(Path.Combine(Repository, "artifacts", "plugins", "ganjiang-heavy"));
        EmployeeBuilder Fitter(string id) => EmployeeBuilder.Create(id)
            .InSkillPost("数控车工")
            .HiredOn(2010, 7, 1)
            .WithCertificate(SkillLevel.SeniorWorker, "数控车工", new DateOnly(2018, 6, 1))
            .WithAssessments(AssessmentResult.Qualified, 2023, 2024, 2025);

        var run = host.Screen([Fitter("IN01").InEnterprise("GJZJ").Build(), Fitter("OUT01").InEnterprise("GDGD").Build(), Fitter("NONE01").Build()], new DateOnly(2026, 12, 31));

        static bool Judged(IEnumerable<Decision> decisions) => decisions.Any(d => d.Findings.Any(f => f.RuleId.StartsWith("GJ-", StringComparison.Ordinal)));
        Assert.True(Judged(run.DecisionsFor("IN01")));
        Assert.NotEmpty(run.DecisionsFor("OUT01"));
        Assert.False(Judged(run.DecisionsFor("OUT01")));
        Assert.False(Judged(run.DecisionsFor("NONE01")));
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
