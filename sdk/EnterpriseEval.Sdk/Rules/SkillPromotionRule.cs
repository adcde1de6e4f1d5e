using EnterpriseEval.Sdk.Dates;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Rules;

/// <summary>
/// R10 (96号 二（四）): 专业技术人才取得职业资格或职业技能等级1年后，可按累计工作年限申报相应职业（工种）晋级评价。
/// </summary>
internal sealed class SkillPromotionRule(CumulativeWorkYearsRule workYears)
{
    private const string RuleId = "R10";
    private const int YearsAfterCertificate = 1;

    // Constant sentences: built once, shared by every decision (findings are immutable).
    private static readonly Finding TechnicalPost =
        Finding.Create(RuleId, Clauses.TitleToSkill, FindingKind.Met, "现岗位为专业技术岗位，属于专业技术人才");

    private static readonly Finding NotProfessionalTechnical = Finding.Create(
        RuleId,
        Clauses.TitleToSkill,
        FindingKind.Failed,
        "未取得职称且现岗位不是专业技术岗位，不属于可按本条申请晋级评价的专业技术人才");

    /// <summary>
    /// Adds the findings on being 专业技术人才, the next level, the year since the certificate and the work years;
    /// <paramref name="basis"/> is the highest certificate in the occupation.
    /// </summary>
    internal void Check(
        EmployeeFacts facts, SkillLevel target, string occupation, ref StackList<Finding> findings, out SkillCertificate? basis)
    {
        findings.Add(CheckProfessionalTechnical(facts));

        basis = facts.HighestCertificate(occupation.Length > 0 ? occupation : null);
        if (basis is null)
        {
            findings.Add(Finding.Deferred(
                RuleId,
                Clauses.TitleToSkill,
                FindingKind.Failed,
                (facts.AsOf, occupation),
                static a => $"截至{ChineseText.Date(a.AsOf)}未持有{(a.occupation.Length > 0 ? a.occupation + "工种的" : "")}有效职业资格或职业技能等级证书，不能申请晋级评价"));
            return;
        }

        findings.Add(CheckNextLevel(basis, target));

        // Each sentence names the certificate itself: the reasons list failed findings first, so a sentence saying
        // 「该证书」 could come before the one that introduces it (docs/rules.md, "Outcome of a decision").
        var yearOn = Anniversary.Of(basis.IssuedOn, YearsAfterCertificate);
        findings.Add(yearOn <= facts.AsOf
            ? Finding.Deferred(
                RuleId,
                Clauses.TitleToSkill,
                FindingKind.Met,
                (basis, yearOn),
                static a => $"所持{ChineseText.Certificate(a.basis)}已于{ChineseText.Date(a.yearOn)}取得满1年")
            : Finding.Deferred(
                RuleId,
                Clauses.TitleToSkill,
                FindingKind.Failed,
                (basis, yearOn),
                static a => $"所持{ChineseText.Certificate(a.basis)}取得未满1年，将于{ChineseText.Date(a.yearOn)}满1年",
                yearOn));

        if (workYears.Check(RuleId, facts, target, occupation) is { } years)
        {
            findings.Add(years);
        }
    }

    private static Finding CheckProfessionalTechnical(EmployeeFacts facts)
    {
        if (facts.HighestTitle is { } title)
        {
            return Finding.Deferred(
                RuleId,
                Clauses.TitleToSkill,
                FindingKind.Met,
                title,
                static title => $"持有{ChineseText.Title(title)}，属于专业技术人才");
        }

        return facts.Employee.PostCategory == PostCategory.Technical ? TechnicalPost : NotProfessionalTechnical;
    }

    private static Finding CheckNextLevel(SkillCertificate held, SkillLevel target)
    {
        // 特级技师 and 首席技师 are appointed posts (人社部发〔2022〕14号), not certificates a promotion evaluation awards.
        if (target >= SkillLevel.PrincipalTechnician)
        {
            return Finding.Deferred(
                RuleId,
                Clauses.TitleToSkill,
                FindingKind.Failed,
                target,
                static target => $"{target.ToChinese()}为企业聘任的岗位，不是职业资格或职业技能等级证书，不能申请晋级评价；职业技能晋级评价最高至高级技师");
        }

        if (held.Level >= SkillLevel.SeniorTechnician)
        {
            return Finding.Deferred(
                RuleId,
                Clauses.TitleToSkill,
                FindingKind.Failed,
                held,
                static held => $"持有{ChineseText.Certificate(held)}，职业技能晋级评价最高至高级技师，特级技师、首席技师为企业聘任的岗位，不是职业技能等级证书");
        }

        var next = held.Level + 1;
        return target == next
            ? Finding.Deferred(
                RuleId,
                Clauses.TitleToSkill,
                FindingKind.Met,
                (held, target),
                static a => $"持有{ChineseText.Certificate(a.held)}，申报的{a.target.ToChinese()}为其上一等级")
            : Finding.Deferred(
                RuleId,
                Clauses.TitleToSkill,
                FindingKind.Failed,
                (held, target, next),
                static a => $"持有{ChineseText.Certificate(a.held)}，申报的{a.target.ToChinese()}不是其上一等级（{a.next.ToChinese()}），晋级评价应逐级申报");
    }
}
