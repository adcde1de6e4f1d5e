using EnterpriseEval.Engine.Notices;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Service;

/// <summary>
/// The folders of <c>eeval serve</c> (docs/service.md, "Where data lives"): beside the review store unless configured,
/// <c>rosters/</c> (uploads, moved in whole), <c>screenings/</c> (result files of screening jobs), <c>batches/</c>
/// (files a review step writes: publicity lists, notices, workbooks).
/// </summary>
internal sealed class ServicePaths(IOptions<ServiceOptions> service, IOptions<ReviewOptions> review)
{
    public string Root => Path.GetFullPath(string.IsNullOrWhiteSpace(service.Value.DataDirectory)
        ? Path.ChangeExtension(Path.GetFullPath(review.Value.Store), ".files")
        : service.Value.DataDirectory);

    public string Rosters => Path.Combine(Root, "rosters");

    public string Screenings => Path.Combine(Root, "screenings");

    public string Batches => Path.Combine(Root, "batches");

    /// <summary>The folder of a batch's files, named by a hash of its name (a batch name may hold any character).</summary>
    public string BatchFolder(string batchName) =>
        Path.Combine(Batches, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(batchName)))[..16]);
}
