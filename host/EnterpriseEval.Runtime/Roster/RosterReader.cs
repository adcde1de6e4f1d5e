using EnterpriseEval.Runtime.Roster.Sources;

namespace EnterpriseEval.Runtime.Roster;

/// <summary>Reads a roster (docs/roster.md) into typed employee records plus the list of rejected rows.</summary>
internal static class RosterReader
{
    /// <summary>Reads a folder of CSV files.</summary>
    /// <exception cref="RosterException">The folder or <c>employees.csv</c> is missing, a file cannot be read as
    /// UTF-8, or a file lacks a required column.</exception>
    public static RosterReadResult ReadFolder(string folder, CancellationToken cancellationToken = default) =>
        Read(new CsvFolderSource(folder), cancellationToken);

    /// <summary>Reads any table source (a CSV folder today, a workbook later) with the same validation.</summary>
    public static RosterReadResult Read(ITableSource source, CancellationToken cancellationToken = default) =>
        new RosterImport(source, cancellationToken).Run();
}
