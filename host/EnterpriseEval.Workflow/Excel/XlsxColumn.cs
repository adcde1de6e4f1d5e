namespace EnterpriseEval.Workflow.Excel;

/// <summary>One column of an exported sheet: its Chinese header and its width in characters.</summary>
internal sealed record XlsxColumn(string Header, double Width);
