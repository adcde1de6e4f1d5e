using EnterpriseEval.Service.Endpoints;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Web;
using EnterpriseEval.Workflow.Review;
using EnterpriseEval.Workflow.Review.Store;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace EnterpriseEval.Service.Pages.Audit;

/// <summary>
/// One batch's record, read-only: scope, candidates, scores, votes as tallied, the secret ballot's committee (turnout,
/// never a choice), publicity, objections with their resolutions, notices, and the batch's audit entries; the whole
/// record as a zip for filing (the same export as <c>GET /api/v1/batches/{name}/export</c>).
/// </summary>
[Authorize(Policy = Policies.HrAuditor)]
internal sealed class AuditBatchModel(ReviewStoreFactory stores, ServicePaths paths, TimeProvider time) : AppPageModel
{
    [FromRoute]
    public string Name { get; set; } = "";

    public BatchSummary? Summary { get; private set; }

    public IReadOnlyList<BatchDecision> Candidates { get; private set; } = [];

    public IReadOnlyList<StoredScore> Scores { get; private set; } = [];

    public IReadOnlyList<StoredVote> Votes { get; private set; } = [];

    public BallotStatus? Ballot { get; private set; }

    public IReadOnlyList<ObjectionItem> Objections { get; private set; } = [];

    public IReadOnlyList<StoredNotice> Notices { get; private set; } = [];

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public IActionResult OnGet()
    {
        using var store = stores.Open(null);
        if (store.FindBatch(Name) is not { } batch)
        {
            return NotFound();
        }

        Summary = ReviewEndpoints.Summary(store, batch);
        Candidates = [.. new BatchScope(batch.Definition).Candidates(store.Decisions(batch.Id)).Select(d => ReviewEndpoints.Decision(d, Actor))];
        Scores = store.Scores(batch.Id);
        Votes = store.Votes(batch.Id);
        Ballot = BallotEndpoints.Status(store, batch, Actor);
        Objections = [.. store.Objections(batch.Id).Select(o => ReviewEndpoints.Objection(o, Actor))];
        Notices = store.Notices(batch.Id);
        Entries = store.Audit(batch.Id);
        return Page();
    }

    /// <summary>An entry's Chinese summary, 身份证号 masked for those who need none.</summary>
    public string SummaryOf(AuditEntry e) =>
        Actor.SeesIdNumbers ? AuditDetail.Summary(e.Detail) : Engine.Output.IdentityScrubber.Scrub(AuditDetail.Summary(e.Detail));

    public IActionResult OnGetExport()
    {
        try
        {
            var zip = BatchRecordEndpoints.Build(Name, stores, paths, time, Actor, out var file);
            return File(zip, BatchRecordEndpoints.ZipType, file);
        }
        catch (Problems.ApiProblem e) when (e.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
    }
}
