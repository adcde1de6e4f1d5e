using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Sdk.Dates;

/// <summary>
/// The day on which N years of technical-skill work after a certificate are complete (96号 二（二）1, docs/rules.md "Dates",
/// docs/rules.md "Dates").
/// </summary>
internal static class TechnicalSkillWork
{
    // Above this many technical-skill periods the sort buffer goes to the heap; real rosters have a handful.
    private const int StackLimit = 32;

    /// <summary>
    /// The day the requirement is met, or <see langword="null"/> when it cannot be projected because the recorded
    /// technical-skill work stops before enough of it has been done.
    /// </summary>
    /// <param name="issuedOn">The certificate's issue date C.</param>
    /// <param name="years">N, the years of work required.</param>
    /// <param name="hireDate">入职日期, used only when the employee has no work-period rows.</param>
    /// <param name="periods">The employee's work periods; empty means continuous work since the later of hire and C.</param>
    /// <param name="cutOff">Periods starting after the cut-off are not seen.</param>
    internal static DateOnly? MetOn(
        DateOnly issuedOn, int years, DateOnly hireDate, ReadOnlySpan<WorkPeriod> periods, DateOnly cutOff)
    {
        if (periods.IsEmpty)
        {
            return Anniversary.Of(hireDate > issuedOn ? hireDate : issuedOn, years);
        }

        // T = T0 + uncovered days in (C, T]: the least such T is the day on which the R-th covered day after C
        // falls, R being the number of days in (C, T0].
        long needed = Anniversary.Of(issuedOn, years).DayNumber - issuedOn.DayNumber;
        if (needed <= 0)
        {
            return issuedOn;
        }

        var count = 0;
        foreach (var p in periods)
        {
            if (Counts(p, cutOff))
            {
                count++;
            }
        }

        Span<(int Start, int End)> spans = count <= StackLimit
            ? stackalloc (int, int)[count]
            : new (int, int)[count];
        var n = 0;
        foreach (var p in periods)
        {
            if (Counts(p, cutOff))
            {
                // An ongoing period covers every later day.
                spans[n++] = (p.Start.DayNumber, p.End?.DayNumber ?? int.MaxValue);
            }
        }

        spans.Sort();
        long cursor = issuedOn.DayNumber + 1L;
        foreach (var (start, end) in spans)
        {
            var from = Math.Max(start, cursor);
            if (end < from)
            {
                continue;
            }

            var covered = end - from + 1;
            if (covered >= needed)
            {
                return DateOnly.FromDayNumber((int)(from + needed - 1));
            }

            needed -= covered;
            cursor = end + 1L;
        }

        return null;
    }

    private static bool Counts(WorkPeriod period, DateOnly cutOff) =>
        period.Kind == WorkKind.TechnicalSkill && period.Start <= cutOff;
}
