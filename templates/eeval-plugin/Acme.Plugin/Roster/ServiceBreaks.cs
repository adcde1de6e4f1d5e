using EnterpriseEval.Sdk.Tables;

namespace Acme.Plugin.Roster;

/// <summary>一段离岗期间（<c>service_breaks.csv</c>）：停薪留职、长期病假等不计入本企业工龄的期间.</summary>
/// <param name="From">离岗开始日期.</param>
/// <param name="To">返岗日期；仍在离岗时为空.</param>
internal sealed record ServiceBreak(DateOnly From, DateOnly? To);

/// <summary>
/// The firm's extra roster file, declared once (docs/plugin-authoring.md, "Reading extra columns and files"): the
/// runtime reads <c>service_breaks.csv</c> at import with the roster's own date parser (<c>2021-07-01</c>,
/// <c>2021年7月1日</c>, an Excel serial number …), sends a bad date to <c>rejects.csv</c>, and criteria read the rows
/// typed with <c>ServiceBreaks.Table.RowsOf(context.Record)</c>. Headers may be English or Chinese.
/// </summary>
internal static class ServiceBreaks
{
    private static readonly ExtraColumn<DateOnly?> From = ExtraColumn.Date("from", "离岗开始日期", required: true);
    private static readonly ExtraColumn<DateOnly?> To = ExtraColumn.Date("to", "返岗日期");

    /// <summary><c>service_breaks.csv</c> (employee_id, from, to).</summary>
    public static readonly ExtraTable<ServiceBreak> Table = ExtraTable.Define(
        "service_breaks", "离岗记录", [From, To], row => new ServiceBreak(row.Get(From)!.Value, row.Get(To)));
}
