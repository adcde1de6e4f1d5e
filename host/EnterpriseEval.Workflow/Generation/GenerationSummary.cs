namespace EnterpriseEval.Workflow.Generation;

/// <summary>What a generation wrote, for the summary a person reads and for tests.</summary>
/// <param name="EmployeeRows">Data rows written to <c>employees.csv</c>, planted bad rows included.</param>
/// <param name="RowsByFile">Data rows per file name, in the order the files are listed.</param>
/// <param name="Planted">Every planted bad row, in the order written.</param>
/// <param name="Files">The full paths of the files written.</param>
internal sealed record GenerationSummary(
    int EmployeeRows,
    IReadOnlyList<(string File, long Rows)> RowsByFile,
    IReadOnlyList<PlantedReject> Planted,
    IReadOnlyList<string> Files);
