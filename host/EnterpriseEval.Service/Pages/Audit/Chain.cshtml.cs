using EnterpriseEval.Engine.Output;
using EnterpriseEval.Service.Endpoints;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Web;
using EnterpriseEval.Workflow.Review;
using EnterpriseEval.Workflow.Review.Store;
using Microsoft.AspNetCore.Authorization;

namespace EnterpriseEval.Service.Pages.Audit;

/// <summary>
/// The store's whole audit chain (every batch, account and upload), with the button that runs <c>review verify</c>
/// (chain, signed head, every stored row, the secret ballots' seals, issued files, plug-in files) and shows its result.
/// </summary>
[Authorize(Policy = Policies.HrAuditor)]
internal sealed class AuditChainModel(ReviewStoreFactory stores) : AppPageModel
{
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public IReadOnlyDictionary<long, string> BatchNames { get; private set; } = new Dictionary<long, string>();

    public string? Head { get; private set; }

    /// <summary>The verify report, once the button was pressed.</summary>
    public VerifyResult? Verified { get; private set; }

    public void OnGet() => Load();

    public void OnPostVerify()
    {
        using (var store = stores.OpenExisting(null))
        {
            var problems = store.Verify().ToList();
            problems.AddRange(BatchIntegrity.Problems(store));
            Verified = new VerifyResult(problems.Count == 0, store.Audit(null).Count, store.Head()?.Describe(), [.. problems.Select(Scrub)]);
        }

        Load();
    }

    public string SummaryOf(AuditEntry e) => Scrub(AuditDetail.Summary(e.Detail));

    private string Scrub(string text) => Actor.SeesIdNumbers ? text : IdentityScrubber.Scrub(text);

    private void Load()
    {
        using var store = stores.Open(null);
        Entries = store.Audit(null);
        BatchNames = store.Batches().ToDictionary(b => b.Id, b => b.Name);
        Head = store.Head()?.Describe();
    }
}
