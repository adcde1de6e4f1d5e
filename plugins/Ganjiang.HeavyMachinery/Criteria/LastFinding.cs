using EnterpriseEval.Sdk.Screening;

namespace Ganjiang.HeavyMachinery.Criteria;

/// <summary>
/// The last finding a criterion made on this thread, with what it was made from: the employee's rows of the criterion's
/// table (the array the host made once at import, so the same rows are the same object) and the cut-off. An employee
/// has several decisions and most employees have no rows at all (every such employee gets the same array), so the
/// finding — its sentence composed once — is most often the one made just before. One entry per criterion instance
/// and thread (criteria run on several threads at once), swapped whole, never changed in place.
/// </summary>
/// <typeparam name="TCriterion">The criterion type (each has its own entry per thread).</typeparam>
internal static class LastFinding<TCriterion>
    where TCriterion : class
{
    [ThreadStatic]
    private static Entry? t_last;

    /// <summary>The finding made by <paramref name="owner"/> from the same rows and cut-off on this thread, if it was the last one.</summary>
    public static bool TryGet(TCriterion owner, object rows, DateOnly asOf, out Finding? finding)
    {
        if (t_last is { } last && ReferenceEquals(last.Rows, rows) && last.AsOf == asOf && ReferenceEquals(last.Owner, owner))
        {
            finding = last.Finding;
            return true;
        }

        finding = null;
        return false;
    }

    /// <summary>Keeps <paramref name="finding"/> as the last one made from these rows and cut-off, and returns it.</summary>
    public static Finding? Keep(TCriterion owner, object rows, DateOnly asOf, Finding? finding)
    {
        t_last = new Entry(owner, rows, asOf, finding);
        return finding;
    }

    private sealed class Entry(TCriterion owner, object rows, DateOnly asOf, Finding? finding)
    {
        public TCriterion Owner { get; } = owner;

        public object Rows { get; } = rows;

        public DateOnly AsOf { get; } = asOf;

        public Finding? Finding { get; } = finding;
    }
}
