using EnterpriseEval.Service.Security;
using EnterpriseEval.Workflow.Review;

namespace EnterpriseEval.Service;

/// <summary>
/// Audit entries for the service's own writes (docs/service.md, "Audit"): a roster uploaded, a screening started or
/// cancelled. They join the review store's one hash chain, with no batch, under the acting account; review steps and
/// account changes write theirs with their data.
/// </summary>
internal sealed class ServiceAudit(ReviewStoreFactory stores)
{
    public void Record(string step, Actor actor, string summary, IReadOnlyDictionary<string, string>? facts = null)
    {
        using var store = stores.Open(null);
        store.Append(null, new AuditDraft(step, actor.UserName, summary, facts));
    }
}
