using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Runtime.Screening;

/// <summary>
/// The screening stage of the pipeline: statutory rules for every employee, in roster order, on all cores when the
/// roster is large. Output order never depends on the number of threads.
/// </summary>
internal sealed class Screener(StatutoryRuleSet rules, IOptions<ScreeningOptions> options)
{
    public ScreeningResult Screen(IReadOnlyList<EmployeeRecord> records, DateOnly asOf, IProgress<int>? progress = null)
    {
        var decisions = new IReadOnlyList<Decision>[records.Count];
        var equivalences = new PostEquivalence?[records.Count];
        var done = 0;

        void ScreenOne(int i)
        {
            decisions[i] = rules.Screen(records[i], asOf);
            equivalences[i] = rules.Equivalence(records[i], asOf);
            if (progress is not null && (Interlocked.Increment(ref done) & 0x3FF) == 0)
            {
                progress.Report(Volatile.Read(ref done));
            }
        }

        if (records.Count >= options.Value.ParallelThreshold)
        {
            Parallel.For(0, records.Count, ScreenOne);
        }
        else
        {
            for (var i = 0; i < records.Count; i++)
            {
                ScreenOne(i);
            }
        }

        progress?.Report(records.Count);
        return new ScreeningResult(asOf, decisions, [.. equivalences.OfType<PostEquivalence>()]);
    }
}
