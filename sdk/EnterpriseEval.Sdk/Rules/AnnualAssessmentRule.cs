using System.Runtime.CompilerServices;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Rules;

/// <summary>
/// R4 (96号 二（二）1): 高技能人才参加职称评审应在现工作岗位上近3年年度考核合格。"The last 3 years" are the three
/// calendar years before the cut-off's year; 基本合格 or 不合格 fails, a missing year needs review.
/// </summary>
internal static class AnnualAssessmentRule
{
    private const string RuleId = "R4";
    private const int Years = 3;

    // What R4 finds depends only on the cut-off year and on each of the three years' result or its absence: 5 × 5 × 5
    // combinations a cut-off. Each is worded once and its findings shared by every employee with that combination,
    // instead of formatting the same sentences (and lists of years) for a million employees. A run has one cut-off, so
    // one table serves it; another cut-off year replaces the table.
    private const int States = 5;
    private static volatile Table? _table;

    /// <summary>Adds one finding, or two when a year is unacceptable and another is missing.</summary>
    internal static void Check(EmployeeFacts facts, ref StackList<Finding> findings)
    {
        // The same for every decision of the employee (it reads only the assessments and the cut-off): found once.
        var found = facts.Assessment ??= Evaluate(facts);
        findings.Add(found.First);
        if (found.Second is { } second)
        {
            findings.Add(second);
        }
    }

    private static AssessmentFindings Evaluate(EmployeeFacts facts)
    {
        var first = facts.AsOf.Year - Years;
        Span<AssessmentResult> results = stackalloc AssessmentResult[Years];
        // One pass over the rows; of two rows for the same year the first counts. Bit i: year first + i was found.
        var found = 0;
        if (facts.Record.TryGetAssessmentRows(out var rows))
        {
            // The rows as the record noted them (year × 8 + result, 16 bits each): no row object read.
            for (; rows != 0; rows >>= 16)
            {
                var row = (int)(rows & 0xFFFF);
                var i = (row >> 3) - first;
                if ((uint)i < Years && (found & (1 << i)) == 0)
                {
                    results[i] = (AssessmentResult)(row & 7);
                    found |= 1 << i;
                }
            }
        }
        else
        {
            foreach (var assessment in facts.Assessments)
            {
                var i = assessment.Year - first;
                if ((uint)i < Years && (found & (1 << i)) == 0)
                {
                    results[i] = assessment.Result;
                    found |= 1 << i;
                }
            }
        }

        // The combination's number: per year 0 when missing, else the result's value (1–4); a value outside the
        // vocabulary (a record built in code) is worded for this employee alone.
        var index = 0;
        for (var i = 0; i < Years; i++)
        {
            var state = (found & (1 << i)) == 0 ? 0 : (int)results[i];
            if (state == 0 ? (found & (1 << i)) != 0 : (uint)state >= States)
            {
                return Word(first, results, found);
            }

            index = (index * States) + state;
        }

        var table = _table;
        if (table is null || table.First != first)
        {
            _table = table = new Table(first);
        }

        // Two threads may both word a missing entry; they word equal findings and either is kept.
        return (table.Entries[index] ??= new StrongBox<AssessmentFindings>(Word(first, results, found))).Value;
    }

    private static AssessmentFindings Word(int first, ReadOnlySpan<AssessmentResult> results, int found)
    {
        List<string>? failed = null;
        List<string>? missing = null;
        for (var i = 0; i < Years; i++)
        {
            var year = first + i;
            if ((found & (1 << i)) == 0)
            {
                (missing ??= []).Add(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
                continue;
            }

            var result = results[i];
            if (result is AssessmentResult.BasicallyQualified or AssessmentResult.Unqualified)
            {
                (failed ??= []).Add($"{year}年度为{result.ToChinese()}");
            }
        }

        var failedFinding = failed is null
            ? null
            : Finding.Create(
                RuleId,
                Clauses.SkillToTitle,
                FindingKind.Failed,
                $"近3年年度考核中{string.Join("、", failed)}，不符合近3年年度考核合格的要求");
        var missingFinding = missing is null
            ? null
            : Finding.Create(
                RuleId,
                Clauses.SkillToTitle,
                FindingKind.NeedsReview,
                $"缺少{string.Join("、", missing)}年度考核结果，无法确认近3年年度考核合格，请人工核实");
        return (failedFinding, missingFinding) switch
        {
            ({ } f, var m) => new AssessmentFindings(f, m),
            (null, { } m) => new AssessmentFindings(m, null),
            _ => new AssessmentFindings(Met(first, results.ToArray()), null),
        };
    }

    private static Finding Met(int first, AssessmentResult[] results) => Finding.Create(
        RuleId,
        Clauses.SkillToTitle,
        FindingKind.Met,
        $"近3年年度考核结果为{string.Join("、", results.Select((r, i) => $"{first + i}年度{r.ToChinese()}"))}，均为合格以上");

    // One cut-off year's findings, by combination; an entry is replaced whole (a reference), never torn.
    private sealed class Table(int first)
    {
        public int First { get; } = first;

        public StrongBox<AssessmentFindings>?[] Entries { get; } = new StrongBox<AssessmentFindings>?[States * States * States];
    }
}

/// <summary>What R4 found for one employee: one finding, or two when a year is unacceptable and another is missing.</summary>
internal readonly record struct AssessmentFindings(Finding First, Finding? Second);
