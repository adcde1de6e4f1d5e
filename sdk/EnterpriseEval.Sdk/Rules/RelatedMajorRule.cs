using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Rules;

/// <summary>
/// R9 (96号 二（四）): 具有所申报职业相关专业毕业证书的，可免于理论知识考试。A flag, never a condition; which majors are related
/// is configuration (<see cref="PolicyOptions.RelatedMajors"/>): no entry, no exemption.
/// </summary>
internal sealed class RelatedMajorRule(CompiledPolicy policy)
{
    /// <summary>The <see cref="FindingKind.Flag"/> finding when the exemption applies, else <see langword="null"/>.</summary>
    internal Finding? Check(Employee employee, string occupation) =>
        policy.IsRelatedMajor(occupation, employee.Major)
            ? Finding.Deferred(
                "R9",
                Clauses.TitleToSkill,
                FindingKind.Flag,
                (major: employee.Major, occupation),
                static a => $"所学专业“{a.major.Trim()}”按本单位配置的相关专业对照与申报职业“{a.occupation}”相关，可免于理论知识考试")
            : null;
}
