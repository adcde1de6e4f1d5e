using EnterpriseEval.Workflow.Review;
using EnterpriseEval.Workflow.Review.Store;

namespace EnterpriseEval.Service.Tests.Support;

/// <summary>The test service's review store, opened as <c>eeval review</c> would.</summary>
internal static class Store
{
    public static SqliteReviewStore Open(TestService service) =>
        new(service.StorePath, TimeProvider.System, () => AuditKeys.Load(Path.Combine(service.Folder, "audit.key")), mustExist: true);
}

/// <summary>A folder under the system temp folder, deleted when disposed.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "eeval-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
