using System.Text.Encodings.Web;
using System.Text.Json;

namespace EnterpriseEval.Workflow.Review.Store;

/// <summary>
/// The detail of an audit entry as canonical JSON: the Chinese summary, facts (sorted by key) and the digest of the
/// rows the step wrote per table.
/// </summary>
internal static class AuditDetail
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Build(AuditDraft draft, IReadOnlyDictionary<string, string> rows) =>
        JsonSerializer.Serialize(
            new SortedDictionary<string, object>(StringComparer.Ordinal)
            {
                ["summary"] = draft.Summary,
                ["facts"] = new SortedDictionary<string, string>(
                    (IDictionary<string, string>?)draft.Facts?.ToDictionary(kv => kv.Key, kv => kv.Value) ?? new Dictionary<string, string>(),
                    StringComparer.Ordinal),
                ["rows"] = new SortedDictionary<string, string>(rows.ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal),
            },
            Options);

    public static IReadOnlyDictionary<string, string> Rows(string detail) => Section(detail, "rows");

    public static IReadOnlyDictionary<string, string> Facts(string detail) => Section(detail, "facts");

    public static string Summary(string detail)
    {
        try
        {
            using var doc = JsonDocument.Parse(detail);
            return doc.RootElement.TryGetProperty("summary", out var s) ? s.GetString() ?? "" : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private static Dictionary<string, string> Section(string detail, string name)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var doc = JsonDocument.Parse(detail);
            if (doc.RootElement.TryGetProperty(name, out var section) && section.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in section.EnumerateObject())
                {
                    result[p.Name] = p.Value.GetString() ?? "";
                }
            }
        }
        catch (JsonException)
        {
            // A detail that is no longer JSON was edited; the chain check reports it.
        }

        return result;
    }
}
