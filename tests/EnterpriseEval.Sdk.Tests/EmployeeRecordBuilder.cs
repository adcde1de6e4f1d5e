using System.Globalization;
using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Sdk.Tests;

/// <summary>
/// Arranges one employee for a test. By default: a frontline 车工 in a skill post, hired 2010-07-01, assessed 合格
/// in 2023–2025 (the last three years for the default cut-off 2026-12-31), holding nothing else.
/// </summary>
internal sealed class EmployeeRecordBuilder
{
    private Employee _employee = new()
    {
        EmployeeId = "E001",
        Name = "张三",
        HireDate = D("2010-07-01"),
        PostCategory = PostCategory.Skill,
        Frontline = true,
        Occupation = "车工",
    };

    private readonly List<SkillCertificate> _certificates = [];
    private readonly List<ProfessionalTitle> _titles = [];
    private readonly List<Honour> _honours = [];
    private readonly List<WorkPeriod> _periods = [];
    private readonly List<Application> _applications = [];
    private readonly SortedDictionary<int, AssessmentResult> _assessments = new()
    {
        [2023] = AssessmentResult.Qualified,
        [2024] = AssessmentResult.Qualified,
        [2025] = AssessmentResult.Qualified,
    };

    internal static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal EmployeeRecordBuilder With(Func<Employee, Employee> change)
    {
        _employee = change(_employee);
        return this;
    }

    internal EmployeeRecordBuilder HiredOn(string date) => With(e => e with { HireDate = D(date) });

    internal EmployeeRecordBuilder InTechnicalPost() => With(e => e with { PostCategory = PostCategory.Technical });

    internal EmployeeRecordBuilder Certificate(
        SkillLevel level,
        string issuedOn,
        string number = "JN-001",
        string occupation = "车工",
        CertificateStatus status = CertificateStatus.Valid)
    {
        _certificates.Add(new SkillCertificate
        {
            Level = level,
            IssuedOn = D(issuedOn),
            CertificateNo = number,
            Occupation = occupation,
            Status = status,
        });
        return this;
    }

    internal EmployeeRecordBuilder Title(
        TitleLevel level, string obtainedOn, TitleSeries series = TitleSeries.Engineering, string number = "ZC-001")
    {
        _titles.Add(new ProfessionalTitle { Level = level, ObtainedOn = D(obtainedOn), Series = series, CertificateNo = number });
        return this;
    }

    internal EmployeeRecordBuilder Assessed(int year, AssessmentResult result)
    {
        _assessments[year] = result;
        return this;
    }

    internal EmployeeRecordBuilder NotAssessed(int year)
    {
        _assessments.Remove(year);
        return this;
    }

    /// <summary>Every year from <paramref name="from"/> to <paramref name="to"/> 合格.</summary>
    internal EmployeeRecordBuilder AssessedQualified(int from, int to)
    {
        for (var year = from; year <= to; year++)
        {
            _assessments[year] = AssessmentResult.Qualified;
        }

        return this;
    }

    internal EmployeeRecordBuilder Honour(HonourKind kind, string awardedOn)
    {
        _honours.Add(new Honour { Kind = kind, AwardedOn = D(awardedOn) });
        return this;
    }

    internal EmployeeRecordBuilder Worked(string start, string? end, WorkKind kind = WorkKind.TechnicalSkill)
    {
        _periods.Add(new WorkPeriod { Start = D(start), End = end is null ? null : D(end), Kind = kind });
        return this;
    }

    internal EmployeeRecordBuilder Applies(ScreeningPath path, TitleLevel level, TitleSeries? series = null)
    {
        _applications.Add(new Application { Path = path, TargetTitleLevel = level, TargetSeries = series });
        return this;
    }

    internal EmployeeRecordBuilder Applies(ScreeningPath path, SkillLevel level, string occupation = "")
    {
        _applications.Add(new Application { Path = path, TargetSkillLevel = level, TargetOccupation = occupation });
        return this;
    }

    internal EmployeeRecord Build() => new()
    {
        Employee = _employee,
        Certificates = [.. _certificates],
        Titles = [.. _titles],
        Assessments = [.. _assessments.Select(a => new Assessment { Year = a.Key, Result = a.Value })],
        Honours = [.. _honours],
        WorkPeriods = [.. _periods],
        Applications = [.. _applications],
    };
}
