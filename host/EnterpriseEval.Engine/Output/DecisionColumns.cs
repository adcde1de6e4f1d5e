using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Engine.Output;

/// <summary>
/// How one decision reads in every output (docs/roster.md "Result files"): the same values for CSV and JSON, so the two never disagree.
/// </summary>
internal static class DecisionColumns
{
    public static readonly string[] Header =
    [
        "employee_id", "name", "path", "target_level", "target_series", "target_occupation", "outcome",
        "earliest_eligible_on", "theory_exam_exempt", "rule_ids", "reasons", "basis_certificate_no",
        "rule_set_version", "plugins",
    ];

    // Kinds in reading order; any other kind (Info) reads last. Loops instead of LINQ: these run for every decision
    // of a million-employee roster.
    private const int LastRank = 4;

    /// <summary>
    /// Findings that explain a refusal come first, then flags, then the evidence (stable within a kind). Reordering is
    /// safe because every finding's sentence stands on its own: it names the certificate it speaks of and never says
    /// 「该证书」 (docs/rules.md, "Decisions taken where the table above is silent").
    /// </summary>
    public static Finding[] InReadingOrder(IReadOnlyList<Finding> findings)
    {
        var ordered = new Finding[findings.Count];
        var n = 0;
        for (var rank = 0; rank <= LastRank; rank++)
        {
            for (var i = 0; i < findings.Count; i++)
            {
                if (Rank(findings[i].Kind) == rank)
                {
                    ordered[n++] = findings[i];
                }
            }
        }

        return ordered;
    }

    /// <summary>The rules that failed, asked for review or flagged, each once, <c>;</c> separated.</summary>
    public static string RuleIds(IReadOnlyList<Finding> findings) => OrderedRuleIds(InReadingOrder(findings));

    /// <summary>Every finding's Chinese sentence, <c>；</c> separated, refusals first.</summary>
    public static string Reasons(IReadOnlyList<Finding> findings) => OrderedReasons(InReadingOrder(findings));

    /// <summary><see cref="RuleIds"/> of findings already in reading order (a writer orders them once per decision).</summary>
    public static string OrderedRuleIds(Finding[] ordered)
    {
        var ids = new List<string>(ordered.Length);
        foreach (var f in ordered)
        {
            if (f.Kind is FindingKind.Failed or FindingKind.NeedsReview or FindingKind.Flag && !ids.Contains(f.RuleId, StringComparer.Ordinal))
            {
                ids.Add(f.RuleId);
            }
        }

        return ids.Count switch
        {
            0 => "",
            1 => ids[0],
            _ => string.Join(';', ids),
        };
    }

    /// <summary><see cref="Reasons"/> of findings already in reading order.</summary>
    public static string OrderedReasons(Finding[] ordered)
    {
        var messages = new string[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            messages[i] = ordered[i].Message;
        }

        return string.Join('；', messages);
    }

    /// <summary>
    /// <see cref="Reasons"/> of findings already in reading order, written into <paramref name="buffer"/> (grown as
    /// needed) instead of a new string: a writer of a million decisions would otherwise allocate a gigabyte of them.
    /// </summary>
    public static ReadOnlySpan<char> OrderedReasons(Finding[] ordered, ref char[] buffer)
    {
        var length = Math.Max(ordered.Length - 1, 0);
        foreach (var f in ordered)
        {
            length += f.Message.Length;
        }

        if (buffer.Length < length)
        {
            buffer = new char[Math.Max(length, buffer.Length * 2)];
        }

        var at = 0;
        for (var i = 0; i < ordered.Length; i++)
        {
            if (i > 0)
            {
                buffer[at++] = '；';
            }

            ordered[i].Message.CopyTo(buffer.AsSpan(at));
            at += ordered[i].Message.Length;
        }

        return buffer.AsSpan(0, at);
    }

    private static int Rank(FindingKind kind) => kind switch
    {
        FindingKind.Failed => 0,
        FindingKind.NeedsReview => 1,
        FindingKind.Flag => 2,
        FindingKind.Met => 3,
        _ => LastRank,
    };

    public static string YesNo(bool value) => value ? "yes" : "no";

    public static string Series(Decision d) => d.TargetSeries?.ToCode() ?? "";
}
