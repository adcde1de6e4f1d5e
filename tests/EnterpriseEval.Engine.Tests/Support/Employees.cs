using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Tests.Support;

/// <summary>Small employee records for runtime tests (cut-off 2026-12-31).</summary>
internal static class Employees
{
    public static readonly DateOnly AsOf = new(2026, 12, 31);

    /// <summary>A frontline 高级工 since <paramref name="certificate"/>, assessed 合格 2023–2025.</summary>
    public static EmployeeRecord SeniorWorker(string id, DateOnly certificate, string education = "高中") => new()
    {
        Employee = new Employee
        {
            EmployeeId = id,
            Name = "张" + id,
            HireDate = new DateOnly(2010, 3, 1),
            PostCategory = PostCategory.Skill,
            Frontline = true,
            Occupation = "车工",
            Education = education,
        },
        Certificates =
        [
            new SkillCertificate { Level = SkillLevel.SeniorWorker, Occupation = "车工", CertificateNo = "S" + id, IssuedOn = certificate },
        ],
        Assessments =
        [
            new Assessment { Year = 2023, Result = AssessmentResult.Qualified },
            new Assessment { Year = 2024, Result = AssessmentResult.Qualified },
            new Assessment { Year = 2025, Result = AssessmentResult.Excellent },
        ],
    };

    /// <summary>A frontline 高级技师 since 2015, eligible for 副高级 on the skill-to-title path.</summary>
    public static EmployeeRecord SeniorTechnician(string id) =>
        SeniorWorker(id, new DateOnly(2010, 1, 1)) with
        {
            Certificates =
            [
                new SkillCertificate { Level = SkillLevel.SeniorTechnician, Occupation = "车工", CertificateNo = "T" + id, IssuedOn = new DateOnly(2015, 6, 1) },
            ],
        };
}
