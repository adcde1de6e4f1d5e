using CsCheck;
using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Engine.Tests.Support;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;
using EnterpriseEval.Workflow.Generation;
using Xunit.Abstractions;

namespace EnterpriseEval.Engine.Tests.Fuzzing;

/// <summary>
/// Issue 17, the property (docs/plugins.md, "Trust model"): for random rosters and random combinations of the fixture
/// plug-ins (forging, loosening, reflecting, throwing, self-authorising ones, and the shipped plug-ins), every final
/// outcome is at least as strict as the statutory outcome alone — a statutory refusal stays a refusal, only a
/// statutory <c>eligible</c> can end <c>eligible</c> — and a title target outside the host's authorisation is
/// <c>out_of_scope</c> (or refused) whatever a manifest claims. Runs for <see cref="FuzzBudget.Seconds"/>.
/// </summary>
[Collection(MeasuredCollection.Name)]
public sealed class PluginTrustPropertyTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] Entries =
    [
        "Fixture.Misbehaving.LooseningPlugin", "Fixture.Misbehaving.EducationPlugin", "Fixture.Misbehaving.ThrowingPlugin",
        "Fixture.Misbehaving.ReflectionPlugin", "Fixture.Misbehaving.ThrowingAppliesToPlugin", "Fixture.Misbehaving.LeakingPlugin",
        "Fixture.Misbehaving.ThrowingGradeMapPlugin", "Fixture.Misbehaving.ForgingPlugin", "Fixture.Misbehaving.ForgedClausePlugin",
        "Fixture.Misbehaving.ZeroYearsPlugin",
    ];

    private static readonly string?[] HostLevels = [null, "intermediate", "associate_senior", "senior"];

    private static readonly DateOnly[] CutOffs = [new(2025, 12, 31), new(2026, 12, 31), new(2027, 6, 30), new(2028, 12, 31)];

    private readonly FixturePlugins _folders = new();
    private readonly string _roster = Directory.CreateTempSubdirectory("eeval-trust-").FullName;

    [Fact]
    public void No_combination_of_plugins_loosens_a_statutory_outcome_or_widens_the_hosts_authorisation()
    {
        for (var i = 0; i < Entries.Length; i++)
        {
            _folders.Add($"m{i:00}", FixturePlugins.Misbehaving, Entries[i]);
        }

        // Self-claimed authorisations: one wider than any host level here, one narrower.
        _folders.Add("claims-senior", FixturePlugins.Misbehaving, "Fixture.Misbehaving.JsonPlugin", authorisation: FixturePlugins.Authorisation("senior"));
        _folders.Add("claims-intermediate", FixturePlugins.OldJson, "Fixture.OldJson.OldJsonPlugin", authorisation: FixturePlugins.Authorisation("intermediate", validUntil: "2026-12-31"));
        foreach (var shipped in new[] { "ganjiang-heavy", "ganpower-supply" })
        {
            Copy(Path.Combine(Path.GetDirectoryName(FixturePlugins.Root)!, "plugins", shipped), Path.Combine(_folders.Directory, shipped));
        }

        using var all = PluginRun.Catalog().Load(_folders.Directory);
        Assert.Equal(3, all.Refused.Count); // the forging and zero-years ones, refused at load
        var loaded = all.Loaded;

        RosterGenerator.Generate(new GenerationRequest(1_500, 17, _roster));
        var records = RosterReader.ReadFolder(_roster).Records;
        var statutoryBy = new Dictionary<DateOnly, IReadOnlyList<IReadOnlyList<Decision>>>();

        var cases = Gen.Select(
            Gen.Int[0, records.Count - 1].Array[1, 40],
            Gen.Int[0, (1 << loaded.Count) - 1],
            Gen.Int[0, HostLevels.Length - 1],
            Gen.Int[0, CutOffs.Length - 1]);
        var checkedDecisions = 0;
        FuzzBudget.Run(
            cases,
            c =>
            {
                var roster = c.Item1.Distinct().Select(i => records[i]).ToList();
                var host = HostLevels[c.Item3] is { } level ? HostAuthorisation.Read(PluginRun.Configuration(level)) : null;
                var selected = loaded.Where((_, i) => (c.Item2 & (1 << i)) != 0).ToList();
                var plugins = new PluginSet(selected, [], host); // not disposed: the plug-ins belong to `all`
                var asOf = CutOffs[c.Item4];
                var statutory = PluginRun.Screen(PluginSet.Empty, roster, asOf).DecisionsByEmployee;
                var final = PluginRun.Screen(plugins, roster, asOf).DecisionsByEmployee;
                checkedDecisions += Check(statutory, final, roster, plugins, asOf);
            },
            c => $"employees {string.Join(",", c.Item1)} plug-ins {Convert.ToString(c.Item2, 2)} host {HostLevels[c.Item3] ?? "none"} cut-off {CutOffs[c.Item4]}",
            output.WriteLine);
        output.WriteLine($"{checkedDecisions} decisions checked");
        Assert.True(checkedDecisions > 0);
    }

    private static int Check(
        IReadOnlyList<IReadOnlyList<Decision>> statutory, IReadOnlyList<IReadOnlyList<Decision>> final, IReadOnlyList<EmployeeRecord> roster, PluginSet all, DateOnly asOf)
    {
        var n = 0;
        Assert.Equal(statutory.Count, final.Count);
        for (var e = 0; e < statutory.Count; e++)
        {
            // The authorisations in force for an employee are those of the plug-ins that govern it (docs/plugins.md,
            // "Scope"): the generated roster splits its employees between the shipped plug-ins' enterprise codes.
            var plugins = all.Scopes.For(roster[e].Employee);
            Assert.Equal(statutory[e].Count, final[e].Count);
            for (var d = 0; d < statutory[e].Count; d++)
            {
                var (s, f) = (statutory[e][d], final[e][d]);
                var what = $"{f.EmployeeId} {f.Path} {f.TargetTitleLevel}{f.TargetSkillLevel}: statutory {s.Outcome}, final {f.Outcome}\n{string.Join("\n", f.Findings.Select(x => $"{x.RuleId} {x.Kind} {x.Message}"))}";
                Assert.True(s.Outcome != Outcome.NotEligible || f.Outcome == Outcome.NotEligible, what);
                Assert.True(f.Outcome != Outcome.Eligible || s.Outcome == Outcome.Eligible, what);
                if (s.Outcome == Outcome.NotEligible)
                {
                    // A refusal's date can only move later, or go (no longer "only time stands between").
                    Assert.True(f.EarliestEligibleOn is null || (s.EarliestEligibleOn is { } was && f.EarliestEligibleOn >= was), what);
                }

                if (f.TargetTitleLevel is { } level && f.TargetSeries is { } series && plugins.InForce.Count > 0 && f.Outcome != Outcome.NotEligible)
                {
                    // Outside the host's authorisation (none configured: outside everything) → out_of_scope, whatever a manifest says.
                    var hostCovers = plugins.HostAuthorisation?.OutsideReason(series, level, asOf) is null && plugins.HostAuthorisation is not null;
                    Assert.True(hostCovers || f.Outcome == Outcome.OutOfScope, what);
                }

                Assert.True(f.Outcome != Outcome.OutOfScope || plugins.InForce.Count > 0, what);
                n++;
            }
        }

        return n;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var sub in Directory.GetDirectories(from))
        {
            Copy(sub, Path.Combine(to, Path.GetFileName(sub)));
        }
    }

    public void Dispose()
    {
        _folders.Dispose();
        try
        {
            Directory.Delete(_roster, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
