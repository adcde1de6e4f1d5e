using System.Globalization;
using System.Text;

namespace EnterpriseEval.Sdk.Documents;

/// <summary>Turns clause ids (docs/rules.md) into the citations a notice prints. Pure; plug-ins may use it.</summary>
public static class PolicyCitation
{
    private const string ProjectDefault = "project-default";

    /// <summary>
    /// The citation of a clause id: <c>96/2.5</c> → <c>人社部发〔2020〕96号 二（五）</c>, <c>96/2.2.1</c> →
    /// <c>人社部发〔2020〕96号 二（二）1</c>, <c>227/1</c> → <c>赣人社字〔2021〕227号 一</c>, <c>project-default</c> →
    /// <c>本系统项目默认配置</c>. Anything else (a firm's own regulation) is returned as written.
    /// </summary>
    /// <param name="clauseId">The clause id.</param>
    public static string Format(string clauseId)
    {
        var (document, part) = Split(clauseId);
        return document is null ? part : $"{document} {part}";
    }

    /// <summary>
    /// Several citations in one phrase, the document number written once for consecutive clauses of the same
    /// document: <c>96/2.2.1</c>, <c>96/2.2.3</c>, <c>227/1</c> → <c>人社部发〔2020〕96号 二（二）1、二（二）3、赣人社字〔2021〕227号 一</c>.
    /// </summary>
    /// <param name="clauseIds">The clause ids, in the order to cite them.</param>
    public static string FormatList(IEnumerable<string> clauseIds)
    {
        ArgumentNullException.ThrowIfNull(clauseIds);
        var text = new StringBuilder();
        string? previous = null;
        foreach (var clauseId in clauseIds)
        {
            var (document, part) = Split(clauseId);
            if (text.Length > 0)
            {
                text.Append('、');
            }

            text.Append(document is not null && document == previous ? part : Format(clauseId));
            previous = document;
        }

        return text.ToString();
    }

    // (document number, clause within it); the document is null when the id is not one of docs/rules.md's.
    private static (string? Document, string Part) Split(string clauseId)
    {
        ArgumentNullException.ThrowIfNull(clauseId);
        if (clauseId == ProjectDefault)
        {
            return (null, "本系统项目默认配置");
        }

        var slash = clauseId.IndexOf('/', StringComparison.Ordinal);
        var document = slash < 0 ? null : DocumentName(clauseId[..slash]);
        if (document is null || !TryParseParts(clauseId[(slash + 1)..], out var parts))
        {
            return (null, clauseId);
        }

        // Clause ids number 一、（一）、1 levels; the citation writes them the way the text does.
        var part = new StringBuilder(ChineseNumeral.Of(parts[0]));
        if (parts.Length > 1)
        {
            part.Append('（').Append(ChineseNumeral.Of(parts[1])).Append('）');
        }

        foreach (var p in parts.Skip(2))
        {
            part.Append(p.ToString(CultureInfo.InvariantCulture));
        }

        return (document, part.ToString());
    }

    private static string? DocumentName(string number) => number switch
    {
        "96" => "人社部发〔2020〕96号",
        "227" => "赣人社字〔2021〕227号",
        _ => null,
    };

    private static bool TryParseParts(string text, out int[] parts)
    {
        var pieces = text.Split('.');
        parts = new int[pieces.Length];
        for (var i = 0; i < pieces.Length; i++)
        {
            if (!int.TryParse(pieces[i], NumberStyles.None, CultureInfo.InvariantCulture, out parts[i])
                || parts[i] is < 1 or > 99)
            {
                return false;
            }
        }

        return true;
    }
}
