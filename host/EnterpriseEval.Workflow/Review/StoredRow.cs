namespace EnterpriseEval.Workflow.Review;

/// <summary>One raw roster row: its spreadsheet row number and its fields as read.</summary>
internal sealed record StoredRow(int RowNumber, IReadOnlyList<string> Fields);
