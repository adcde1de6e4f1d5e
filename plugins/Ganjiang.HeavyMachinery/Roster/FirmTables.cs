using EnterpriseEval.Sdk.Tables;

namespace Ganjiang.HeavyMachinery.Roster;

/// <summary>一条继续教育学时记录（<c>continuing_education.csv</c>）.</summary>
/// <param name="Year">年度.</param>
/// <param name="Hours">学时.</param>
internal sealed record TrainingHours(int Year, decimal Hours);

/// <summary>一条安全事故记录（<c>safety_incidents.csv</c>）.</summary>
/// <param name="Date">事故日期.</param>
/// <param name="Bars">等级为重大或特别重大（GB 6441）：三年内不得申报.</param>
internal sealed record SafetyIncident(DateOnly Date, bool Bars);

/// <summary>一条带徒记录（<c>apprentices.csv</c>）.</summary>
/// <param name="Key">徒弟按工号计一次，工号空白时按姓名.</param>
/// <param name="Name">徒弟姓名（空白时为工号）.</param>
/// <param name="From">带徒开始日期.</param>
/// <param name="To">带徒结束日期；带徒仍在继续时为空.</param>
internal sealed record Apprenticeship(string Key, string Name, DateOnly From, DateOnly? To);

/// <summary>
/// The firm's extra roster files, declared once (docs/plugin-authoring.md, "Reading extra columns and files"): the
/// runtime reads them at import with the roster's own parsers — dates in every form the roster accepts, Chinese or
/// English headers and codes —, sends bad values to <c>rejects.csv</c>, and the criteria and the 带徒津贴 read the rows
/// below, already typed. The mentoring criterion and the pay tables read the same <see cref="Apprentices"/>, so the
/// two can never read different headers.
/// </summary>
internal static class FirmTables
{
    private static readonly ExtraColumn<int?> Year = ExtraColumn.Integer("year", "年度", required: true);
    private static readonly ExtraColumn<decimal?> Hours = ExtraColumn.Decimal("hours", "学时", required: true);

    private static readonly ExtraColumn<DateOnly?> IncidentDate = ExtraColumn.Date("date", "日期", required: true);

    // GB 6441 grades; 重大 and 特别重大 bar the application (办法第十五条).
    private static readonly ExtraColumn<string> Severity = ExtraColumn.Code(
        "severity",
        "事故等级",
        required: true,
        new("general", "一般"),
        new("major", "较大"),
        new("serious", "重大"),
        new("especially_serious", "特别重大"));

    private static readonly ExtraColumn<string> ApprenticeId = ExtraColumn.Text("apprentice_id", "徒弟工号");
    private static readonly ExtraColumn<string> ApprenticeName = ExtraColumn.Text("apprentice_name", "徒弟姓名");
    private static readonly ExtraColumn<DateOnly?> From = ExtraColumn.Date("from", "带徒开始日期", required: true);
    private static readonly ExtraColumn<DateOnly?> To = ExtraColumn.Date("to", "带徒结束日期");

    /// <summary><c>continuing_education.csv</c> (employee_id, year, hours): several rows of one year add up.</summary>
    public static readonly ExtraTable<TrainingHours> ContinuingEducation = ExtraTable.Define(
        "continuing_education", "继续教育学时", [Year, Hours], row => new TrainingHours(row.Get(Year)!.Value, row.Get(Hours)!.Value));

    /// <summary><c>safety_incidents.csv</c> (employee_id, date, severity).</summary>
    public static readonly ExtraTable<SafetyIncident> SafetyIncidents = ExtraTable.Define(
        "safety_incidents",
        "安全事故记录",
        [IncidentDate, Severity],
        row => new SafetyIncident(row.Get(IncidentDate)!.Value, row.Get(Severity) is "serious" or "especially_serious"));

    /// <summary><c>apprentices.csv</c> (employee_id, apprentice_id, apprentice_name, from, to).</summary>
    public static readonly ExtraTable<Apprenticeship> Apprentices = ExtraTable.Define(
        "apprentices",
        "带徒记录",
        [ApprenticeId, ApprenticeName, From, To],
        row =>
        {
            var id = row.Get(ApprenticeId);
            var name = row.Get(ApprenticeName);
            var key = id.Length > 0 ? id : name;
            return new Apprenticeship(key, name.Length > 0 ? name : key, row.Get(From)!.Value, row.Get(To));
        });
}
