using EnterpriseEval.Engine.Roster.Fields;
using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Roster.Tables;

/// <summary><c>titles.csv</c>: professional titles held.</summary>
internal static class TitlesTable
{
    public static readonly RosterColumn Series = new("series", "职称系列", required: true);
    public static readonly RosterColumn Specialty = new("specialty", "专业");
    public static readonly RosterColumn Level = new("level", "职称层级", required: true);
    public static readonly RosterColumn ObtainedOn = new("obtained_on", "取得日期", required: true) { MonthPrecision = MonthPrecision.AssumeLastDay };
    public static readonly RosterColumn CertificateNo = new("certificate_no", "证书编号");

    public static readonly RosterTableSchema Schema = new(
        "titles",
        keepsBadOptionalValues: false,
        RosterColumn.EmployeeId,
        Series,
        Specialty,
        Level,
        ObtainedOn,
        CertificateNo);

    public static void Read(RowParser row, EmployeeBuilder employee)
    {
        if (row.Code(Series, out TitleSeries series)
            && row.SharedText(Specialty, out var specialty)
            && row.Code(Level, out TitleLevel level)
            && row.Date(ObtainedOn, out var obtainedOn)
            && row.Identifier(CertificateNo, out var certificateNo))
        {
            employee.Add(new ProfessionalTitle
            {
                Series = series,
                Specialty = specialty,
                Level = level,
                ObtainedOn = obtainedOn,
                CertificateNo = certificateNo,
                Extra = row.Extra(),
            });
        }
    }
}
