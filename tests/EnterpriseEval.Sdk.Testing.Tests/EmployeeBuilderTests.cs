using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Sdk.Testing.Tests;

public sealed class EmployeeBuilderTests
{
    [Fact]
    public void Build_gives_the_record_arranged_in_the_rosters_terms()
    {
        var record = EmployeeBuilder.Create("E1").Named("张三").HiredOn(2010, 3, 1)
            .InSkillPost("车工", frontline: true)
            .WithCertificate(SkillLevel.SeniorWorker, "车工", new DateOnly(2020, 1, 1))
            .WithTitle(TitleSeries.Engineering, TitleLevel.Assistant, new DateOnly(2021, 6, 1), "机械制造")
            .WithAssessments(AssessmentResult.Qualified, 2025, 2023, 2024)
            .WithAssessments(AssessmentResult.Excellent, 2025)
            .WithHonour(HonourKind.NationalTechnicalExpert, new DateOnly(2022, 5, 1))
            .WithExtraColumn("安全证号", "AQ-1")
            .WithExtraRow("continuing_education", ("year", "2025"), ("hours", "80"))
            .Build();

        Assert.Equal("张三", record.Employee.Name);
        Assert.Equal(new DateOnly(2010, 3, 1), record.Employee.HireDate);
        Assert.Equal(("车工", PostCategory.Skill, true), (record.Employee.Occupation, record.Employee.PostCategory, record.Employee.Frontline));
        Assert.Equal(SkillLevel.SeniorWorker, Assert.Single(record.Certificates).Level);
        Assert.Equal(TitleLevel.Assistant, Assert.Single(record.Titles).Level);
        Assert.Equal(
            [(2023, AssessmentResult.Qualified), (2024, AssessmentResult.Qualified), (2025, AssessmentResult.Excellent)],
            record.Assessments.Select(a => (a.Year, a.Result)));
        Assert.Equal(HonourKind.NationalTechnicalExpert, Assert.Single(record.Honours).Kind);
        Assert.Equal("AQ-1", record.Employee.Extra["安全证号"]);
        var row = Assert.Single(record.ExtraFiles["continuing_education"]);
        Assert.Equal(("E1", "2025", "80"), (row["employee_id"], row["year"], row["hours"]));
    }

    [Fact]
    public void Certificates_without_a_number_get_distinct_ones()
    {
        var record = EmployeeBuilder.Create("E2")
            .WithCertificate(SkillLevel.SeniorWorker, "车工", new DateOnly(2015, 1, 1))
            .WithCertificate(SkillLevel.Technician, "车工", new DateOnly(2020, 1, 1))
            .Build();

        Assert.Equal(2, record.Certificates.Select(c => c.CertificateNo).Distinct().Count());
    }
}
