using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Service.Screening;

/// <summary>
/// The decisions of a completed screening, laid out for paging and filtering (docs/service.md, "Paging decisions"):
/// one row per decision in roster order, with its filter values in parallel arrays (outcome, path, level, department
/// number, earliest date as a day number) and a lower-cased "工号 姓名" for the text search. A query is one pass over
/// the arrays — no allocation per row, a few milliseconds for 100,000 employees — and the page is then cut from the
/// matching rows; the total count comes from the same pass.
/// </summary>
internal sealed class DecisionIndex
{
    private readonly IReadOnlyList<EmployeeRecord> _records;
    private readonly IReadOnlyList<IReadOnlyList<Decision>> _decisions;
    private readonly int[] _employee;
    private readonly int[] _within;
    private readonly Outcome[] _outcome;
    private readonly ScreeningPath[] _path;
    private readonly string[] _level;
    private readonly int[] _department;
    private readonly int[] _earliest;
    private readonly string[] _search;
    private readonly Dictionary<string, int> _departments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byEmployeeId = new(StringComparer.Ordinal);

    public DecisionIndex(IReadOnlyList<EmployeeRecord> records, IReadOnlyList<IReadOnlyList<Decision>> decisions)
    {
        _records = records;
        _decisions = decisions;
        var count = 0;
        for (var e = 0; e < decisions.Count; e++)
        {
            count += decisions[e].Count;
        }

        _employee = new int[count];
        _within = new int[count];
        _outcome = new Outcome[count];
        _path = new ScreeningPath[count];
        _level = new string[count];
        _department = new int[count];
        _earliest = new int[count];
        _search = new string[count];
        var row = 0;
        for (var e = 0; e < decisions.Count; e++)
        {
            var employee = records[e].Employee;
            _byEmployeeId.TryAdd(employee.EmployeeId, e);
            if (!_departments.TryGetValue(employee.Department, out var department))
            {
                department = _departments.Count;
                _departments[employee.Department] = department;
            }

            var search = $"{employee.EmployeeId} {employee.Name}".ToLowerInvariant();
            for (var i = 0; i < decisions[e].Count; i++, row++)
            {
                var d = decisions[e][i];
                _employee[row] = e;
                _within[row] = i;
                _outcome[row] = d.Outcome;
                _path[row] = d.Path;
                _level[row] = d.TargetLevelCode;
                _department[row] = department;
                _earliest[row] = d.EarliestEligibleOn?.DayNumber ?? int.MaxValue;
                _search[row] = search;
            }
        }
    }

    public int Count => _employee.Length;

    public int Employees => _decisions.Count;

    public IEnumerable<string> Departments => _departments.Keys;

    /// <summary>The rows matching <paramref name="filter"/>: the page asked for and the total.</summary>
    public (IReadOnlyList<(EmployeeRecord Record, Decision Decision)> Items, int Total) Query(DecisionFilter filter, int skip, int take)
    {
        var department = -1;
        if (filter.Department is { } name && !_departments.TryGetValue(name, out department))
        {
            return ([], 0);
        }

        var search = filter.Text?.Trim().ToLowerInvariant();
        var from = filter.EligibleFrom?.DayNumber ?? int.MinValue;
        var until = filter.EligibleBy?.DayNumber ?? int.MaxValue - 1;
        var dated = filter.EligibleFrom is not null || filter.EligibleBy is not null;
        var items = new List<(EmployeeRecord, Decision)>(Math.Min(take, 1024));
        var total = 0;
        for (var row = 0; row < _employee.Length; row++)
        {
            if ((filter.Outcome is { } o && _outcome[row] != o)
                || (filter.Path is { } p && _path[row] != p)
                || (filter.Level is { } l && !string.Equals(_level[row], l, StringComparison.Ordinal))
                || (department >= 0 && _department[row] != department)
                || (dated && (_earliest[row] < from || _earliest[row] > until))
                || (!string.IsNullOrEmpty(search) && !_search[row].Contains(search, StringComparison.Ordinal)))
            {
                continue;
            }

            if (total >= skip && items.Count < take)
            {
                var e = _employee[row];
                items.Add((_records[e], _decisions[e][_within[row]]));
            }

            total++;
        }

        return (items, total);
    }

    /// <summary>One employee's record and decisions, or null when the 工号 is not in the roster.</summary>
    public (EmployeeRecord Record, IReadOnlyList<Decision> Decisions)? Employee(string employeeId) =>
        _byEmployeeId.TryGetValue(employeeId, out var e) ? (_records[e], _decisions[e]) : null;

    /// <summary>Counts per outcome code, for the status resource.</summary>
    public IReadOnlyDictionary<string, int> OutcomeCounts()
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var o in _outcome)
        {
            var code = o.ToCode();
            counts[code] = counts.GetValueOrDefault(code) + 1;
        }

        return counts;
    }
}

/// <summary>The filters of the decisions query; null = any.</summary>
internal sealed record DecisionFilter(
    Outcome? Outcome = null, ScreeningPath? Path = null, string? Level = null, string? Department = null, DateOnly? EligibleFrom = null,
    DateOnly? EligibleBy = null, string? Text = null);
