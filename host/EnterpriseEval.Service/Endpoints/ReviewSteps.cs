using EnterpriseEval.Engine.Output;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Workflow.Review;
using EnterpriseEval.Workflow.Review.Store;

namespace EnterpriseEval.Service.Endpoints;

/// <summary>
/// What a review step does beyond its Workflow call (the files it writes, the view of a batch), shared by the API's
/// endpoints (<see cref="ReviewEndpoints"/>) and the web app's batch pages, so both run the same code.
/// </summary>
internal static class ReviewSteps
{
    /// <summary><c>review show</c>: the batch with its candidates, scores, votes, objections and notices.</summary>
    public static BatchDetail Detail(IReviewStore store, ReviewBatch batch, Actor actor) => new(
        ReviewEndpoints.Summary(store, batch),
        [.. new BatchScope(batch.Definition).Candidates(store.Decisions(batch.Id)).Select(d => ReviewEndpoints.Decision(d, actor))],
        [.. store.Scores(batch.Id).Select(s => new ScoreItem(s.EmployeeId, s.Name, s.PluginId, s.Total, s.PassMark, s.Passed))],
        [.. store.Votes(batch.Id).Select(ReviewEndpoints.Vote)],
        [.. store.Objections(batch.Id).Select(o => ReviewEndpoints.Objection(o, actor))],
        [.. store.Notices(batch.Id).Select(n => new NoticeItem(n.EmployeeId, n.Path, n.TargetLevel, Path.GetFileName(n.File), n.Sha256))]);

    /// <summary><c>review publicize</c>: the publicity period, then the publicity list as a workbook and as documents.</summary>
    public static PublicityResult Publicize(
        IReviewStore store, ReviewBatch batch, BatchPublicity publicity, ReviewDocuments documents, ServicePaths paths, DateOnly? start, int? days, Actor actor)
    {
        using var batchDocuments = documents.Open(store, batch);
        var p = publicity.Publicize(store, batch, start, days, actor.UserName);
        var passed = store.Votes(batch.Id).Where(v => v.Passed).ToList();
        var folder = Path.Combine(paths.BatchFolder(batch.Name), "publicity");
        Directory.CreateDirectory(folder);
        List<string> files = [Path.GetFileName(ReviewExports.Publicity(folder, p, passed)), .. batchDocuments.PublicityList(folder, p, passed).Select(Path.GetFileName).OfType<string>()];
        return new PublicityResult(p.Start, p.End, p.WorkingDays, passed.Count, files);
    }

    /// <summary><c>review issue</c>: the result notices and the workbooks, in the batch's <c>issue/</c> folder.</summary>
    public static IssueResult Issue(IReviewStore store, ReviewBatch batch, BatchIssue issue, ServicePaths paths, DateOnly on, Actor actor)
    {
        var folder = Path.Combine(paths.BatchFolder(batch.Name), "issue");
        var report = issue.Run(store, batch, folder, on, actor.UserName);
        return new IssueResult(
            [.. report.Notices.Select(n => new NoticeItem(n.EmployeeId, n.Path, n.TargetLevel, Path.GetFileName(n.File), n.Sha256))],
            [.. report.Withheld], [.. report.Exports.Select(Path.GetFileName).OfType<string>()], report.Head.Describe());
    }

    /// <summary>The files the steps wrote for a batch, as paths relative to its folder.</summary>
    public static List<string> Files(ServicePaths paths, ReviewBatch batch)
    {
        var folder = paths.BatchFolder(batch.Name);
        return !Directory.Exists(folder)
            ? []
            : [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];
    }
}
