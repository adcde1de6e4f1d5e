namespace EnterpriseEval.Workflow.Generation;

/// <summary>A bad row the generator planted on purpose: the roster reader must reject exactly this file and row.</summary>
/// <param name="File">The file name, e.g. <c>employees.csv</c>.</param>
/// <param name="Row">The spreadsheet row number (the header is row 1).</param>
/// <param name="Kind">What is wrong with it.</param>
internal sealed record PlantedReject(string File, int Row, BadRowKind Kind);
