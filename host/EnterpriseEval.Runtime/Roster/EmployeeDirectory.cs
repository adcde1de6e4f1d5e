using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Runtime.Roster;

/// <summary>The employees of <c>employees.csv</c> by 工号, accepted or rejected, in file order.</summary>
internal sealed class EmployeeDirectory
{
    private readonly Dictionary<string, EmployeeBuilder> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EmployeeBuilder>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly List<EmployeeBuilder> _inOrder = [];

    public EmployeeDirectory() => _bySpan = _byId.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Registers the first row of a 工号; a later row with the same 工号 gets the first one's builder and
    /// <see langword="false"/>.
    /// </summary>
    public bool TryClaim(string id, int row, out EmployeeBuilder employee)
    {
        if (_byId.TryGetValue(id, out var first))
        {
            employee = first;
            return false;
        }

        employee = new EmployeeBuilder(row, _inOrder.Count);
        _byId.Add(id, employee);
        _inOrder.Add(employee);
        return true;
    }

    /// <summary>The employee with this 工号, without allocating a string for the look-up.</summary>
    public EmployeeBuilder? Find(ReadOnlySpan<char> id) => _bySpan.TryGetValue(id, out var employee) ? employee : null;

    /// <summary>The number of 工号 claimed, accepted or rejected.</summary>
    public int Count => _inOrder.Count;

    /// <summary>The number of accepted employees.</summary>
    public int AcceptedCount
    {
        get
        {
            var accepted = 0;
            foreach (var builder in _inOrder)
            {
                accepted += builder.Accepted ? 1 : 0;
            }

            return accepted;
        }
    }

    /// <summary>The records of the accepted employees, in <c>employees.csv</c> order.</summary>
    public List<EmployeeRecord> BuildRecords() => BuildRecords(0, _inOrder.Count);

    /// <summary>
    /// The records of the accepted employees among the 工号 at positions [<paramref name="from"/>,
    /// <paramref name="to"/>), in <c>employees.csv</c> order; their builders are released.
    /// </summary>
    public List<EmployeeRecord> BuildRecords(int from, int to)
    {
        var records = new List<EmployeeRecord>(to - from);
        for (var i = from; i < to; i++)
        {
            var builder = _inOrder[i];
            if (builder.Employee is { } employee)
            {
                records.Add(builder.Build(employee));
            }

            builder.Release();
        }

        return records;
    }
}
