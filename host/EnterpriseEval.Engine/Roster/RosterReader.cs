using EnterpriseEval.Engine.Roster.Sources;
using EnterpriseEval.Sdk.Tables;

namespace EnterpriseEval.Engine.Roster;

/// <summary>Reads a roster (docs/roster.md) into typed employee records plus the list of rejected rows.</summary>
internal static class RosterReader
{
    /// <summary>Reads a folder of CSV files, or one <c>.xlsx</c> workbook when the path names one.</summary>
    /// <exception cref="RosterException">The folder, workbook or <c>employees</c> table is missing, a file cannot be
    /// read (or is neither UTF-8 nor GB18030), two files are one table, or a table lacks a required column.</exception>
    /// <param name="folder">The roster folder or workbook.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <param name="limits">How much of a file may be read (docs/security.md, Limits on input); the defaults when null.</param>
    /// <param name="formats">Roster formats the host adds (the <c>.xlsx</c> workbook); CSV folders when none opens the path.</param>
    /// <param name="tables">The extra tables the loaded plug-ins declare, read typed; none when null.</param>
    public static RosterReadResult ReadFolder(
        string folder, CancellationToken cancellationToken = default, RosterLimits? limits = null, IEnumerable<ITableSourceOpener>? formats = null,
        IReadOnlyList<ExtraTable>? tables = null) =>
        Read(OpenSource(folder, limits, formats), cancellationToken, tables);

    /// <summary>
    /// Reads <c>employees.csv</c> of a CSV folder and opens its other tables to be read a chunk of employees at a
    /// time; null for a workbook, which is read whole (<see cref="ReadFolder"/>).
    /// </summary>
    /// <param name="folder">The roster folder.</param>
    /// <param name="checkOrderForChunksOf">
    /// When given, the first rows of every table are checked first against chunks of this many employees: a table
    /// whose opening rows already go back to an earlier chunk throws here, before anything is screened, instead of
    /// part-way through the run.
    /// </param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <param name="limits">How much of a file may be read; the defaults when null.</param>
    /// <exception cref="RosterException">As for <see cref="ReadFolder"/>.</exception>
    /// <param name="formats">Roster formats the host adds.</param>
    /// <param name="tables">The extra tables the loaded plug-ins declare, read typed; none when null.</param>
    /// <exception cref="RosterOrderException">A table's first rows are not in employees.csv order.</exception>
    public static RosterStream? OpenStream(
        string folder, int? checkOrderForChunksOf = null, CancellationToken cancellationToken = default, RosterLimits? limits = null,
        IEnumerable<ITableSourceOpener>? formats = null, IReadOnlyList<ExtraTable>? tables = null)
    {
        var source = OpenSource(folder, limits, formats);
        return source.CanReadConcurrently ? new RosterImport(source, cancellationToken, tables).Stream(checkOrderForChunksOf) : null;
    }

    /// <summary>
    /// The table source of a roster path: a workbook for <c>*.xlsx</c>, else a folder of CSV files (a CSV file in it,
    /// such as <c>employees.csv</c>, stands for the folder).
    /// </summary>
    /// <param name="path">The roster folder, a CSV file in it, or a workbook.</param>
    /// <param name="limits">How much of a file may be read (docs/security.md, Limits on input); the defaults when null.</param>
    /// <param name="formats">Roster formats the host adds (the <c>.xlsx</c> workbook); CSV folders when none opens the path.</param>
    /// <exception cref="RosterException">A workbook, and no format for it registered.</exception>
    public static ITableSource OpenSource(string path, RosterLimits? limits = null, IEnumerable<ITableSourceOpener>? formats = null)
    {
        if (formats?.FirstOrDefault(f => f.Opens(path)) is { } format)
        {
            return format.Open(path, limits);
        }

        if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            throw new RosterException($"{path}：此处只能读取 CSV 文件夹形式的花名册（docs/roster.md），不能读取 .xlsx 工作簿；请用 eeval 读取工作簿，或先另存为 CSV");
        }

        return new CsvFolderSource(CsvFolderSource.FolderOf(path), limits);
    }

    /// <summary>Reads any table source (a CSV folder, a workbook, the rows a review batch stored) with the same validation.</summary>
    /// <param name="source">The tables.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <param name="tables">The extra tables the loaded plug-ins declare, read typed; none when null.</param>
    public static RosterReadResult Read(ITableSource source, CancellationToken cancellationToken = default, IReadOnlyList<ExtraTable>? tables = null) =>
        new RosterImport(source, cancellationToken, tables).Run();
}
