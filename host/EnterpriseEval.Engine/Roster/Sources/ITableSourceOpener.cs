namespace EnterpriseEval.Engine.Roster.Sources;

/// <summary>
/// A roster format the host adds to the engine's CSV folders (docs/architecture.md, "Adding a roster source"): the
/// host registers the <c>.xlsx</c> workbook (EnterpriseEval.Workflow), so the engine itself never depends on an Excel
/// library and a plug-in's test project never pulls one in.
/// </summary>
internal interface ITableSourceOpener
{
    /// <summary>Whether this format reads the path (e.g. by its extension).</summary>
    bool Opens(string path);

    /// <summary>Opens the path as a table source.</summary>
    /// <exception cref="RosterException">The file cannot be read as this format.</exception>
    ITableSource Open(string path, RosterLimits? limits);
}
