using System.Security.Cryptography;
using System.Text;

namespace EnterpriseEval.Workflow.Review.Store;

/// <summary>
/// The digest of the rows one audit entry wrote to one table: their count and a SHA-256 over their content hashes in
/// insertion order. Recorded in the entry, recomputed by <c>review verify</c>.
/// </summary>
internal sealed class RowDigest : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public int Count { get; private set; }

    public void Add(string contentHash)
    {
        _hash.AppendData(Encoding.ASCII.GetBytes(contentHash));
        Count++;
    }

    /// <summary><c>count:sha256</c>.</summary>
    public string Finish() => $"{Count}:{RowHash.Hex(_hash.GetHashAndReset())}";

    public void Dispose() => _hash.Dispose();
}
