using System.Runtime.InteropServices;
using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Roster;

/// <summary>The employees of <c>employees.csv</c> by 工号, accepted or rejected, in file order.</summary>
internal sealed class EmployeeDirectory
{
    private readonly Dictionary<string, EmployeeBuilder> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EmployeeBuilder>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private const int NearbyEmployees = 4;

    private readonly List<EmployeeBuilder> _inOrder = [];

    public EmployeeDirectory() => _bySpan = _byId.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Registers the first row of a 工号; a later row with the same 工号 gets the first one's builder and
    /// <see langword="false"/>.
    /// </summary>
    public bool TryClaim(string id, int row, out EmployeeBuilder employee)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_byId, id, out var exists);
        if (exists)
        {
            employee = slot!;
            return false;
        }

        employee = slot = new EmployeeBuilder(id, row, _inOrder.Count);
        _inOrder.Add(employee);
        return true;
    }

    /// <summary>The employee with this 工号, without allocating a string for the look-up.</summary>
    public EmployeeBuilder? Find(ReadOnlySpan<char> id) => _bySpan.TryGetValue(id, out var employee) ? employee : null;

    /// <summary>
    /// <see cref="Find"/>, trying first <paramref name="near"/> and the few employees after it in
    /// <c>employees.csv</c>: a table listed in employee order names the same or the next employees row after row,
    /// and comparing a few 工号 is much cheaper than hashing into a million-entry dictionary.
    /// </summary>
    public EmployeeBuilder? Find(ReadOnlySpan<char> id, EmployeeBuilder? near)
    {
        if (near is not null)
        {
            var last = Math.Min(near.Ordinal + NearbyEmployees, _inOrder.Count - 1);
            for (var i = near.Ordinal; i <= last; i++)
            {
                if (id.SequenceEqual(_inOrder[i].Id))
                {
                    return _inOrder[i];
                }
            }
        }

        return Find(id);
    }

    /// <summary>Every 工号 claimed, accepted or rejected, in <c>employees.csv</c> order.</summary>
    public IReadOnlyList<EmployeeBuilder> InOrder => _inOrder;

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
