using System.Text.Json;
using EnterpriseEval.Host.Tests.Support;

namespace EnterpriseEval.Host.Tests.Commands;

/// <summary>
/// R12 (人社部发〔2020〕96号 二（五）, docs/rules.md): the sentence that the person meets the conditions and may apply at
/// will belongs to a final eligible decision only. A plug-in criterion that fails or asks for review, or a target outside
/// the review authorisation, changes the outcome after the statutory rules ran; the sentence must not survive that.
/// </summary>
public sealed class VoluntaryParticipationTests
{
    private static readonly string ShippedPlugins = Path.Combine(RepoPaths.Root, "artifacts", "plugins");

    public static TheoryData<string, string?, string?> Runs()
    {
        var runs = new TheoryData<string, string?, string?>();
        foreach (var roster in new[] { "demo", "demo-zh", "ganjiang-heavy", "ganpower" })
        {
            runs.Add(roster, null, null);
            runs.Add(roster, "ganjiang-heavy", "ganjiang-heavy.json");
            runs.Add(roster, "ganpower-supply", "ganpower-supply.json");
        }

        return runs;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task No_decision_that_is_not_finally_eligible_says_the_person_meets_the_conditions(
        string roster, string? plugin, string? config)
    {
        using var outDir = new TempFolder();
        List<string> args = ["screen", "--roster", RepoPaths.Sample($"rosters/{roster}"), "--as-of", "2026-12-31", "--out", outDir.Path];
        if (plugin is not null)
        {
            args.AddRange(["--plugins", Path.Combine(ShippedPlugins, plugin), "--config", RepoPaths.Sample($"config/{config}")]);
        }

        var run = await CliRun.Of([.. args]);

        Assert.True(run.ExitCode == 0, run.Output);
        using var json = JsonDocument.Parse(File.ReadAllBytes(outDir.File("decisions.json")));
        var decisions = json.RootElement.GetProperty("decisions").EnumerateArray().ToList();
        Assert.NotEmpty(decisions);
        var eligible = 0;
        foreach (var d in decisions)
        {
            var outcome = d.GetProperty("outcome").GetString();
            var findings = d.GetProperty("findings").EnumerateArray().ToList();
            var says = findings.Any(f => f.GetProperty("rule_id").GetString() == "R12"
                || f.GetProperty("message").GetString()!.Contains("符合申报条件", StringComparison.Ordinal));
            if (outcome == "eligible")
            {
                eligible++;
                Assert.True(says, $"{d.GetProperty("employee_id")} {d.GetProperty("path")}: an eligible decision carries R12");
            }
            else
            {
                Assert.False(says, $"{d.GetProperty("employee_id")} {d.GetProperty("path")} is {outcome} yet says 符合申报条件");
            }
        }

        Assert.True(eligible > 0, "every sample roster has eligible decisions");
    }
}
