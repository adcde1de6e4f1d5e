namespace EnterpriseEval.Engine.Roster.Sources;

/// <summary>
/// Where roster tables come from: a folder of CSV files now, a workbook's sheets later. Table names are file or
/// sheet names without extension (<c>employees</c>, <c>titles</c>, …), matched without regard to case.
/// </summary>
internal interface ITableSource
{
    /// <summary>All tables present, in a stable order.</summary>
    IReadOnlyList<string> TableNames { get; }

    /// <summary>Whether the table is present.</summary>
    bool Contains(string tableName);

    /// <summary>Opens a table positioned before its first data row.</summary>
    /// <exception cref="RosterException">The table is missing or cannot be read.</exception>
    ITableReader Open(string tableName);

    /// <summary>Whether several tables may be open and read at once, each on its own thread.</summary>
    bool CanReadConcurrently => false;

    /// <summary>
    /// What a person should know about how the tables were read (Chinese, for the summary): for a workbook, a sheet
    /// taken as the employees table or title rows skipped above a header. Complete once the tables have been read.
    /// </summary>
    IReadOnlyList<string> Notes => [];

    /// <summary>
    /// What the person should know about how the tables were read (Chinese), complete once every table has been read:
    /// e.g. which CSV files were GB18030, not UTF-8.
    /// </summary>
    IReadOnlyList<string> Warnings => [];
}
