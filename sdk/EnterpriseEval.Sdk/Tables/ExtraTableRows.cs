namespace EnterpriseEval.Sdk.Tables;

/// <summary>One employee's rows of one declared extra table: <paramref name="Rows"/> is a <c>TRow[]</c>.</summary>
/// <param name="Table">The table.</param>
/// <param name="Rows">The rows, an array of the table's row type.</param>
internal readonly record struct ExtraTableRows(ExtraTable Table, Array Rows);
