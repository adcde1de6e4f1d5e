using System.Text.Json;
using EnterpriseEval.Engine;
using EnterpriseEval.Engine.Output;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Workflow.Review;

namespace EnterpriseEval.Service.Review;

/// <summary>One finding of a stored decision: the rule, its policy clause, what it found (身份证号 masked as the viewer needs).</summary>
internal sealed record DossierFinding(string RuleId, string Clause, string Kind, string Message, string? MetOn);

/// <summary>A candidate's dossier for the committee: the decision, its findings with clauses, the scores.</summary>
internal sealed record CandidateDossier(StoredDecision Decision, string OutcomeName, IReadOnlyList<DossierFinding> Findings, IReadOnlyList<StoredScore> Scores)
{
    public string Key => Decision.CandidateKey;

    public string PathName => ReviewExports.PathName(Decision.Path);

    public string LevelName => ReviewExports.LevelName(Decision.TargetLevel);
}

/// <summary>Reads what the store keeps of a decision into what a person reads.</summary>
internal static class Dossier
{

    /// <summary>The dossiers of a batch's candidates (one per employee, path and level), in roster order.</summary>
    public static IReadOnlyList<CandidateDossier> Of(Workflow.Review.Store.IReviewStore store, ReviewBatch batch, Actor actor)
    {
        var scores = store.Scores(batch.Id);
        return [.. BatchBallot.Candidates(store, batch).Select(d => new CandidateDossier(
            d, OutcomeName(d.Outcome), Findings(d.FindingsJson, actor), [.. scores.Where(s => s.EmployeeId == d.EmployeeId)]))];
    }

    public static IReadOnlyList<DossierFinding> Findings(string json, Actor actor)
    {
        var list = new List<DossierFinding>();
        try
        {
            using var doc = JsonDocument.Parse(json);
            foreach (var f in doc.RootElement.EnumerateArray())
            {
                var message = Text(f, "message");
                list.Add(new DossierFinding(
                    Text(f, "rule_id"), Text(f, "clause"), Text(f, "kind"), actor.SeesIdNumbers ? message : IdentityScrubber.Scrub(message),
                    f.TryGetProperty("met_on", out var on) && on.ValueKind == JsonValueKind.String ? on.GetString() : null));
            }
        }
        catch (JsonException)
        {
            // A record that no longer parses was edited; review verify names it.
        }

        return list;
    }

    public static string OutcomeName(string code) => Vocabulary.TryParse<Outcome>(code, out var o) ? o.ToChinese() : code;

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";
}
