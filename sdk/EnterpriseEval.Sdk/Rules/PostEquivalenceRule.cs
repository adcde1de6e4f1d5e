using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Rules;

/// <summary>
/// R11 (96号 二（五）): 各类企业对在聘的高级工、技师、高级技师在学习进修、岗位聘任、职务职级晋升、评优评奖、科研项目申报等方面，
/// 比照相应层级专业技术人员享受同等待遇。特级技师比照正高级 (人社部发〔2022〕14号); 首席技师 at least as 特级技师.
/// The clause speaks of 在聘的高级工、技师、高级技师: people who hold the level, appointed to it. The appointment is checked
/// against the valid certificates held on the cut-off date (docs/rules.md, R11): a 高级工, 技师 or 高级技师 post needs a
/// certificate of that level or higher; 特级技师 and 首席技师 are appointed posts that presuppose 高级技师 (人社部发〔2022〕14号),
/// so they need a 高级技师 certificate. Without it the equivalence is <see cref="FindingKind.NeedsReview"/>.
/// </summary>
internal static class PostEquivalenceRule
{
    /// <summary>The equivalence of an appointment active on the cut-off, else <see langword="null"/>.</summary>
    internal static PostEquivalence? Evaluate(EmployeeRecord record, DateOnly asOf)
    {
        var employee = record.Employee;
        if (employee.AppointedSkillLevel is not { } appointed ||
            Ladder.EquivalentTitle(appointed) is not { } title ||
            employee.AppointedFrom > asOf ||
            employee.AppointedUntil < asOf)
        {
            return null;
        }

        // 特级技师 and 首席技师 are posts, not certificates: the highest certificate they rest on is 高级技师.
        var required = appointed > SkillLevel.SeniorTechnician ? SkillLevel.SeniorTechnician : appointed;
        var held = HighestCertificate(record.Certificates, asOf);
        var finding = held is not null && held.Level >= required
            ? Confirmed(employee, appointed, title)
            : Unbacked(employee, appointed, title, required, held, asOf);
        return new PostEquivalence
        {
            EmployeeId = employee.EmployeeId,
            Name = employee.Name,
            AppointedSkillLevel = appointed,
            EquivalentTitleLevel = title,
            AppointedFrom = employee.AppointedFrom,
            AppointedUntil = employee.AppointedUntil,
            Finding = finding,
        };
    }

    private static Finding Confirmed(Employee employee, SkillLevel appointed, TitleLevel title)
    {
        var basis = appointed switch
        {
            SkillLevel.PrincipalTechnician => "；按人社部发〔2022〕14号，特级技师对应正高级",
            SkillLevel.ChiefTechnician => "；首席技师不低于特级技师，按人社部发〔2022〕14号对应正高级",
            _ => "",
        };
        return Finding.Deferred(
            "R11",
            Clauses.Equivalence,
            FindingKind.Met,
            (appointed, employee.AppointedFrom, employee.AppointedUntil, title, basis),
            static a => $"在聘{a.appointed.ToChinese()}（{Term(a.AppointedFrom, a.AppointedUntil)}），在学习进修、岗位聘任、" +
                $"职务职级晋升、评优评奖、科研项目申报等方面比照{a.title.ToChinese()}专业技术人员享受同等待遇{a.basis}");
    }

    private static Finding Unbacked(
        Employee employee, SkillLevel appointed, TitleLevel title, SkillLevel required, SkillCertificate? held, DateOnly asOf)
    {
        var presupposes = appointed > SkillLevel.SeniorTechnician
            ? $"{appointed.ToChinese()}为聘任岗位，以取得高级技师为前提（人社部发〔2022〕14号），"
            : "";
        return Finding.Deferred(
            "R11",
            Clauses.Equivalence,
            FindingKind.NeedsReview,
            (appointed, employee.AppointedFrom, employee.AppointedUntil, title, required, held, asOf, presupposes),
            static a => a.held is null
                ? $"在聘{a.appointed.ToChinese()}（{Term(a.AppointedFrom, a.AppointedUntil)}），{a.presupposes}但截至" +
                    $"{ChineseText.Date(a.asOf)}未持有{a.required.ToChinese()}或以上等级的有效证书，也未持有其他有效的职业资格或职业技能等级证书；" +
                    $"比照{a.title.ToChinese()}专业技术人员享受同等待遇须人工复核"
                : $"在聘{a.appointed.ToChinese()}（{Term(a.AppointedFrom, a.AppointedUntil)}），{a.presupposes}但截至" +
                    $"{ChineseText.Date(a.asOf)}未持有{a.required.ToChinese()}或以上等级的有效证书，所持最高为" +
                    $"{ChineseText.Certificate(a.held)}；比照{a.title.ToChinese()}专业技术人员享受同等待遇须人工复核");
    }

    /// <summary>The highest certificate that counts on the cut-off (valid, issued by then), the earliest among equals.</summary>
    private static SkillCertificate? HighestCertificate(IReadOnlyList<SkillCertificate> certificates, DateOnly asOf)
    {
        SkillCertificate? best = null;
        for (var i = 0; i < certificates.Count; i++)
        {
            var c = certificates[i];
            if (c.Status == CertificateStatus.Valid && c.IssuedOn <= asOf &&
                (best is null || c.Level > best.Level || (c.Level == best.Level && c.IssuedOn < best.IssuedOn)))
            {
                best = c;
            }
        }

        return best;
    }

    private static string Term(DateOnly? from, DateOnly? until) => (from, until) switch
    {
        ({ } f, { } u) => $"聘期{ChineseText.Date(f)}至{ChineseText.Date(u)}",
        ({ } f, null) => $"自{ChineseText.Date(f)}起聘任，未约定聘期结束日期",
        (null, { } u) => $"聘期至{ChineseText.Date(u)}",
        _ => "聘期起止未登记",
    };
}
