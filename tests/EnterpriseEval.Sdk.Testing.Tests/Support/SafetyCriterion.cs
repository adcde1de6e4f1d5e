using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Plugins;
using EnterpriseEval.Sdk.Screening;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Sdk.Testing.Tests.Support;

/// <summary>No safety incident (<c>safety_incidents.csv</c>: employee_id, year) in the configured number of years.</summary>
internal sealed class SafetyCriterion(IOptions<SampleOptions> options) : ICriterion
{
    public string Id => KitPlugins.CriterionId;

    public string Citation => KitPlugins.Citation;

    public CriterionTopic Topic => CriterionTopic.Other;

    public bool AppliesTo(ScreeningPath path) => true;

    public Finding? Evaluate(CriterionContext context)
    {
        var years = options.Value.IncidentYears;
        var rows = context.Record.ExtraFiles.TryGetValue("safety_incidents", out var r) ? r : [];
        var recent = rows.Select(row => int.Parse(row["year"], System.Globalization.CultureInfo.InvariantCulture))
            .Where(y => y > context.AsOf.Year - years)
            .ToList();
        return recent.Count > 0
            ? context.Fail($"{recent.Max()}年发生安全事故，{years}年内不得申报")
            : context.Met($"近{years}年未发生安全事故");
    }
}
