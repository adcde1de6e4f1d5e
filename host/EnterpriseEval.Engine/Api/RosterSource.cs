using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Engine.Roster.Sources;
using EnterpriseEval.Engine.Screening;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Tables;

namespace EnterpriseEval.Engine;

/// <summary>
/// Where a run's employees come from (docs/architecture.md, "The engine"): a roster folder (docs/roster.md) or
/// records built in code. The host adds others (a workbook, the roster a review batch stored).
/// </summary>
public abstract class RosterSource
{
    private protected RosterSource()
    {
    }

    /// <summary>
    /// A roster folder of CSV files (or a CSV file in it, such as <c>employees.csv</c>, standing for the folder), read
    /// as <c>eeval screen --roster</c> reads it: a chunk of employees at a time when its tables follow the order of
    /// <c>employees.csv</c>, else whole. Rejected rows are in <see cref="ScreeningSummary.Rejects"/>.
    /// </summary>
    /// <param name="csvFolder">The roster folder.</param>
    /// <returns>The source; nothing is read until a run opens it.</returns>
    public static RosterSource FromFolder(string csvFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(csvFolder);
        return new PathRosterSource(csvFolder);
    }

    /// <summary>Employees built in code, screened in the order given.</summary>
    /// <param name="records">The employees.</param>
    /// <param name="hasApplications">
    /// Whether the roster has applications (then those without one get no decision, docs/rules.md "Which decisions are
    /// made"); null = whether any of <paramref name="records"/> has one.
    /// </param>
    /// <returns>The source.</returns>
    public static RosterSource FromRecords(IEnumerable<EmployeeRecord> records, bool? hasApplications = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        EmployeeRecord[] all = [.. records];
        var read = new RosterReadResult(all, [], all.Length, hasApplications ?? all.Any(r => r.Applications.Count > 0));
        return new ReadRosterSource(read, [], 0, all.Length);
    }

    /// <summary>Any table source (a workbook, the rows a review batch stored), read whole with the same validation.</summary>
    internal static RosterSource FromTables(ITableSource tables) => new TablesRosterSource(tables);

    /// <summary>
    /// Employees <paramref name="from"/> to <paramref name="from"/> + <paramref name="count"/> of a roster already read:
    /// whether the roster has applications, its rejects and warnings are those of the whole roster.
    /// </summary>
    internal static RosterSource FromRead(RosterReadResult roster, int from = 0, int? count = null) =>
        new ReadRosterSource(roster, [], from, count ?? roster.Records.Count - from);

    /// <summary>Opens the source for one run.</summary>
    /// <exception cref="RosterException">The roster cannot be read.</exception>
    /// <exception cref="RosterOrderException">Streaming was asked for and a table's first rows are out of order.</exception>
    internal abstract OpenedRoster Open(RosterOpening how);
}

/// <summary>How a run opens its roster.</summary>
/// <param name="ChunkSize">Employees per chunk.</param>
/// <param name="Stream">Whether a CSV folder may be read a chunk at a time (the sink can start again).</param>
/// <param name="Limits">How much of a file may be read (docs/security.md, Limits on input).</param>
/// <param name="Formats">Roster formats the host registers (the <c>.xlsx</c> workbook).</param>
/// <param name="Times">Where the time goes, for the Debug log.</param>
/// <param name="CancellationToken">Stops the reading.</param>
internal sealed record RosterOpening(
    int ChunkSize, bool Stream, RosterLimits Limits, IEnumerable<ITableSourceOpener> Formats, StageTimes Times, CancellationToken CancellationToken)
{
    /// <summary>The extra tables the run's plug-ins declare, read typed (docs/roster.md, "Files for plug-ins").</summary>
    public IReadOnlyList<ExtraTable> Tables { get; init; } = [];
}

/// <summary>A roster opened for one run: its employees handed out a chunk at a time, then what reading it found.</summary>
internal abstract class OpenedRoster : IDisposable
{
    /// <summary>Employees handed out in all.</summary>
    public abstract int Count { get; }

    /// <summary>Whether the roster as a whole has applications, known before the first chunk.</summary>
    public abstract bool HasApplications { get; }

    /// <summary>Whether the roster is read as it is handed out (a table out of order then stops it part-way).</summary>
    public virtual bool Streamed => false;

    /// <summary>The next employees, at most <paramref name="size"/> (possibly none), or null when there are no more.</summary>
    /// <exception cref="RosterOrderException">A streamed table is out of order.</exception>
    public abstract IReadOnlyList<EmployeeRecord>? Next(int size);

    /// <summary>What the roster says once every chunk was handed out (rows read, rejects, warnings).</summary>
    public abstract RosterFindings Findings();

    public virtual void Dispose()
    {
    }
}

/// <summary>What reading a roster found, complete once every chunk was handed out.</summary>
internal sealed record RosterFindings(
    int EmployeeRowsRead, IReadOnlyList<RosterReject> Rejects, string? ApplicationsWarning, IReadOnlyList<string> Warnings, IReadOnlyList<string> Notes);

/// <summary>A roster folder or workbook, by path; streamed when the run allows and the format can.</summary>
internal sealed class PathRosterSource(string path) : RosterSource
{
    internal override OpenedRoster Open(RosterOpening how)
    {
        if (how.Stream)
        {
            var opened = System.Diagnostics.Stopwatch.GetTimestamp();
            var stream = RosterReader.OpenStream(path, how.ChunkSize, how.CancellationToken, how.Limits, how.Formats, how.Tables);
            how.Times.Employees = System.Diagnostics.Stopwatch.GetElapsedTime(opened).TotalSeconds;
            if (stream is not null)
            {
                return new StreamedRoster(stream);
            }
        }

        var source = RosterReader.OpenSource(path, how.Limits, how.Formats);
        return new WholeRoster(RosterReader.Read(source, how.CancellationToken, how.Tables), source.Notes, 0, null);
    }
}

/// <summary>Any table source, read whole.</summary>
internal sealed class TablesRosterSource(ITableSource tables) : RosterSource
{
    internal override OpenedRoster Open(RosterOpening how) =>
        new WholeRoster(RosterReader.Read(tables, how.CancellationToken, how.Tables), tables.Notes, 0, null);
}

/// <summary>A roster already read (or records built in code).</summary>
internal sealed class ReadRosterSource(RosterReadResult roster, IReadOnlyList<string> notes, int from, int count) : RosterSource
{
    internal override OpenedRoster Open(RosterOpening how) => new WholeRoster(roster, notes, from, count);
}

/// <summary>A CSV roster read a chunk at a time (<see cref="RosterStream"/>).</summary>
internal sealed class StreamedRoster(RosterStream stream) : OpenedRoster
{
    public override int Count => stream.Count;

    public override bool HasApplications => stream.HasApplications;

    public override bool Streamed => true;

    public override IReadOnlyList<EmployeeRecord>? Next(int size) => stream.Next(size);

    public override RosterFindings Findings() =>
        new(stream.EmployeeRowsRead, stream.Rejects(), stream.ApplicationsWarning, stream.Warnings(), []);

    public override void Dispose() => stream.Dispose();
}

/// <summary>A roster in memory, handed out in slices of its records.</summary>
internal sealed class WholeRoster : OpenedRoster
{
    private readonly RosterReadResult _roster;
    private readonly IReadOnlyList<string> _notes;
    private readonly int _end;
    private int _position;

    public WholeRoster(RosterReadResult roster, IReadOnlyList<string> notes, int from, int? count)
    {
        _roster = roster;
        _notes = notes;
        _position = Math.Clamp(from, 0, roster.Records.Count);
        _end = Math.Clamp(_position + (count ?? roster.Records.Count), _position, roster.Records.Count);
        Count = _end - _position;
    }

    public override int Count { get; }

    public override bool HasApplications => _roster.HasApplications;

    public override IReadOnlyList<EmployeeRecord>? Next(int size)
    {
        if (_position >= _end)
        {
            return null;
        }

        var count = Math.Min(size, _end - _position);
        var chunk = new EmployeeRecord[count];
        var records = _roster.Records;
        for (var i = 0; i < count; i++)
        {
            chunk[i] = records[_position + i];
        }

        _position += count;
        return chunk;
    }

    public override RosterFindings Findings() =>
        new(_roster.EmployeeRowsRead, _roster.Rejects, _roster.ApplicationsWarning, _roster.Warnings, _notes);
}
