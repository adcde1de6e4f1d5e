using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Rules;

/// <summary>
/// R11 (96号 二（五）): 各类企业对在聘的高级工、技师、高级技师在学习进修、岗位聘任、职务职级晋升、评优评奖、科研项目申报等方面，
/// 比照相应层级专业技术人员享受同等待遇。特级技师比照正高级 (人社部发〔2022〕14号); 首席技师 at least as 特级技师.
/// </summary>
internal static class PostEquivalenceRule
{
    /// <summary>The equivalence of an appointment active on the cut-off, else <see langword="null"/>.</summary>
    internal static PostEquivalence? Evaluate(Employee employee, DateOnly asOf)
    {
        if (employee.AppointedSkillLevel is not { } appointed ||
            Ladder.EquivalentTitle(appointed) is not { } title ||
            employee.AppointedFrom > asOf ||
            employee.AppointedUntil < asOf)
        {
            return null;
        }

        var basis = appointed switch
        {
            SkillLevel.PrincipalTechnician => "；按人社部发〔2022〕14号，特级技师对应正高级",
            SkillLevel.ChiefTechnician => "；首席技师不低于特级技师，按人社部发〔2022〕14号对应正高级",
            _ => "",
        };
        return new PostEquivalence
        {
            EmployeeId = employee.EmployeeId,
            Name = employee.Name,
            AppointedSkillLevel = appointed,
            EquivalentTitleLevel = title,
            AppointedFrom = employee.AppointedFrom,
            AppointedUntil = employee.AppointedUntil,
            Finding = Finding.Deferred(
                "R11",
                Clauses.Equivalence,
                FindingKind.Met,
                (appointed, employee.AppointedFrom, employee.AppointedUntil, title, basis),
                static a => $"在聘{a.appointed.ToChinese()}（{Term(a.AppointedFrom, a.AppointedUntil)}），在学习进修、岗位聘任、" +
                    $"职务职级晋升、评优评奖、科研项目申报等方面比照{a.title.ToChinese()}专业技术人员享受同等待遇{a.basis}"),
        };
    }

    private static string Term(DateOnly? from, DateOnly? until) => (from, until) switch
    {
        ({ } f, { } u) => $"聘期{ChineseText.Date(f)}至{ChineseText.Date(u)}",
        ({ } f, null) => $"自{ChineseText.Date(f)}起聘任，未约定聘期结束日期",
        (null, { } u) => $"聘期至{ChineseText.Date(u)}",
        _ => "聘期起止未登记",
    };
}
