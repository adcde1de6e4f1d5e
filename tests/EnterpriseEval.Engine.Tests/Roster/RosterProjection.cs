using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Tests.Roster;

/// <summary>A stable text form of a record (records compare lists by reference, so compare this instead).</summary>
internal static class RosterProjection
{
    private static readonly IReadOnlyDictionary<string, string> NoExtra = new Dictionary<string, string>();

    public static string Of(EmployeeRecord record) => string.Join(
        "\n",
        (record.Employee with { Extra = NoExtra }).ToString(),
        Join(record.Certificates, c => c with { Extra = NoExtra }),
        Join(record.Titles, t => t with { Extra = NoExtra }),
        Join(record.Assessments, a => a with { Extra = NoExtra }),
        Join(record.Honours, h => h with { Extra = NoExtra }),
        Join(record.Achievements, a => a with { Extra = NoExtra }),
        Join(record.WorkPeriods, w => w with { Extra = NoExtra }),
        Join(record.Applications, a => a with { Extra = NoExtra }));

    public static string Of(IEnumerable<EmployeeRecord> records) => string.Join("\n\n", records.Select(Of));

    private static string Join<T>(IEnumerable<T> items, Func<T, T> normalise)
        where T : notnull => string.Join("; ", items.Select(i => normalise(i).ToString()));
}
