using EnterpriseEval.Engine.Roster.Fields;
using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Roster.Tables;

/// <summary><c>skill_certificates.csv</c>: skill certificates held.</summary>
internal static class SkillCertificatesTable
{
    public static readonly RosterColumn Level = new("level", "等级", required: true);
    public static readonly RosterColumn Occupation = new("occupation", "职业工种");
    public static readonly RosterColumn CertificateNo = new("certificate_no", "证书编号");
    public static readonly RosterColumn IssuedOn = new("issued_on", "发证日期", required: true) { MonthPrecision = MonthPrecision.AssumeLastDay };
    public static readonly RosterColumn Kind = new("kind", "证书类型");
    public static readonly RosterColumn Status = new("status", "状态");

    public static readonly RosterTableSchema Schema = new(
        "skill_certificates",
        keepsBadOptionalValues: false,
        RosterColumn.EmployeeId,
        Level,
        Occupation,
        CertificateNo,
        IssuedOn,
        Kind,
        Status);

    public static void Read(RowParser row, EmployeeBuilder employee)
    {
        if (row.Required(Level, default(CertificateLevelField), out SkillLevel level)
            && row.SharedText(Occupation, out var occupation)
            && row.Identifier(CertificateNo, out var certificateNo)
            && row.Date(IssuedOn, out var issuedOn)
            && row.OptionalCode(Kind, out CertificateKind? kind)
            && row.OptionalCode(Status, out CertificateStatus? status))
        {
            employee.Add(new SkillCertificate
            {
                Level = level,
                Occupation = occupation,
                CertificateNo = certificateNo,
                IssuedOn = issuedOn,
                Kind = kind ?? CertificateKind.SkillLevel,
                Status = status ?? CertificateStatus.Valid,
                Extra = row.Extra(),
            });
        }
    }
}
