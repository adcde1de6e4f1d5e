using System.Globalization;
using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Workflow.Generation;

/// <summary>
/// Draws one employee at a time and writes all of their rows. Every value comes from the one seeded
/// <see cref="Random"/> in a fixed order, so a seed and a count always give the same bytes. Dates are drawn relative
/// to <see cref="ReferenceDate"/>, never to today, for the same reason.
/// </summary>
internal sealed class EmployeeSynthesizer(Random random, GeneratedRoster roster, int employees)
{
    /// <summary>The day the generated roster describes: screen it with <c>--as-of 2026-12-31</c>.</summary>
    public static readonly DateOnly ReferenceDate = new(2026, 12, 31);

    /// <summary>About one employee in a thousand gets a planted bad row.</summary>
    private const int BadRowPerMille = 1;

    private static readonly DateOnly FirstCertificateDay = new(2001, 1, 1);
    private static readonly DateOnly LastIssueDay = ReferenceDate.AddDays(-45);
    private static readonly DateOnly SkillLevelReform = new(2020, 1, 1);
    private static readonly int[] AssessmentYears = [ReferenceDate.Year - 3, ReferenceDate.Year - 2, ReferenceDate.Year - 1];
    private static readonly BadRowKind[] BadRowKinds = Enum.GetValues<BadRowKind>();

    private static readonly (string Kind, string[] Ranks, string Title)[] AchievementKinds =
    [
        ("竞赛获奖", ["公司级一等奖", "公司级二等奖", "公司级三等奖", "省级一等奖", "省级二等奖", "省级三等奖", "国家级二等奖"], "职业技能竞赛"),
        ("专利", ["实用新型", "实用新型", "发明", "外观设计"], "一种工装夹具"),
        ("技术改造", ["公司级", "公司级", "省级"], "生产线工艺改进"),
        ("工法", ["公司级", "省级"], "施工工法"),
        ("操作法", [""], "先进操作法"),
        ("项目", [""], "重点技术攻关项目"),
        ("技术报告", [""], "技术分析报告"),
        ("经验总结", [""], "技能经验总结"),
        ("行业标准", [""], "参与起草行业标准"),
        ("传技带徒", [""], "带徒传艺"),
    ];

    /// <summary>
    /// The 单位代码 (<c>enterprise_code</c>) of the two shipped plug-ins' firms (their <c>plugin.json</c> scopes):
    /// employees alternate between them, so a run with both plug-ins screens each firm's employees with its own
    /// plug-in (docs/plugins.md, "Scope"). Taken from the index, not drawn, so every other value stays as it was.
    /// </summary>
    internal static readonly string[] EnterpriseCodes = ["GJZJ", "GDGD"];

    private readonly List<PlantedReject> _planted = [];

    private string _enterpriseCode = "";

    public IReadOnlyList<PlantedReject> Planted => _planted;

    /// <summary>Draws employee number <paramref name="index"/> (0-based) and writes their rows.</summary>
    public void Write(int index)
    {
        var id = EmployeeId(index);
        _enterpriseCode = EnterpriseCodes[index % EnterpriseCodes.Length];
        var bad = random.Next(1000) < BadRowPerMille ? BadRowKinds[random.Next(BadRowKinds.Length)] : (BadRowKind?)null;
        var person = DrawPerson();
        var certificates = DrawCertificates(person);
        var highest = certificates.Count > 0 ? certificates[^1].Level : (SkillLevel?)null;

        WriteEmployee(id, person, certificates, bad);
        if (bad is BadRowKind.BadHireDate or BadRowKind.UnknownPostCategory)
        {
            // A rejected employee row would take every other row of the employee with it: write none.
            return;
        }

        if (bad == BadRowKind.DuplicateEmployeeId)
        {
            Plant(roster.Employees, bad.Value);
            roster.Employees.Write(id, ChineseNames.Next(random, person.Male), "", "", Date(person.Hire), "", person.Post.Department,
                _enterpriseCode, person.Post.Post, person.Post.Category.ToCode(), "yes", person.Post.Occupation, "", "", "", "", "");
        }

        foreach (var c in certificates)
        {
            roster.Certificates.Write(id, c.Occupation, c.Level.ToCode(), c.Number, Date(c.IssuedOn),
                (c.IssuedOn < SkillLevelReform ? CertificateKind.Qualification : CertificateKind.SkillLevel).ToCode(),
                (random.Next(1000) < 3 ? CertificateStatus.Revoked : CertificateStatus.Valid).ToCode());
        }

        if (bad == BadRowKind.UnknownCertificateLevel)
        {
            Plant(roster.Certificates, bad.Value);
            roster.Certificates.Write(id, person.Occupation, "九级工", CertificateNumber(LastIssueDay), Date(LastIssueDay), "skill_level", "valid");
        }

        WriteTitles(id, person);
        WriteAssessments(id, person);
        if (bad == BadRowKind.AssessmentOfUnknownEmployee)
        {
            Plant(roster.Assessments, bad.Value);
            roster.Assessments.Write("X" + id[1..], Year(ReferenceDate.Year - 1), AssessmentResult.Qualified.ToCode());
        }

        var candidate = highest >= SkillLevel.SeniorWorker;
        if (highest >= SkillLevel.Technician && random.Next(1000) < 15)
        {
            var kind = random.Next(100) switch
            {
                < 40 => HonourKind.NationalTechnicalExpert,
                < 65 => HonourKind.ProvincialHighEndTalent,
                < 85 => HonourKind.SpecialGovernmentAllowance,
                < 95 => HonourKind.NationalMasterStudioLead,
                _ => HonourKind.ChinaSkillsAward,
            };
            roster.Honours.Write(id, kind.ToCode(), Date(Between(certificates[^1].IssuedOn, LastIssueDay)));
            candidate = true;
        }

        WriteWorkPeriods(id, person, certificates.Count > 0);
        if (bad == BadRowKind.WorkPeriodEndsBeforeStart)
        {
            Plant(roster.WorkPeriods, bad.Value);
            roster.WorkPeriods.Write(id, "2020-05-01", "2019-05-01", WorkKind.Other.ToCode());
        }

        WriteAchievements(id, person, candidate);
        WriteContinuingEducation(id, candidate);
        WriteSafetyIncidents(id, person);
        if (highest >= SkillLevel.Technician)
        {
            WriteApprentices(id, certificates[^1].IssuedOn);
        }
    }

    private static string EmployeeId(int index) => "E" + (index + 1).ToString("D7", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    private void Plant(GeneratedTable table, BadRowKind kind) => _planted.Add(new PlantedReject(table.FileName, table.NextRowNumber, kind));

    private DateOnly Between(DateOnly from, DateOnly to) =>
        to <= from ? from : from.AddDays(random.Next(to.DayNumber - from.DayNumber + 1));

    private SyntheticPerson DrawPerson()
    {
        var post = Workforce.Next(random);
        var male = random.Next(100) < (post.Category == PostCategory.Skill ? 85 : 55);
        var birth = Between(new DateOnly(1966, 1, 1), new DateOnly(2004, 12, 31));
        var firstWork = birth.AddYears(18 + random.Next(6)).AddDays(random.Next(365));
        var latestHire = ReferenceDate.AddMonths(-3);
        if (firstWork > latestHire)
        {
            firstWork = latestHire.AddDays(-random.Next(365));
        }

        // About half joined straight from school; the rest came from another employer.
        var hire = random.Next(100) < 55 ? firstWork : Between(firstWork, firstWork.AddYears(1 + random.Next(15)));
        if (hire > latestHire)
        {
            hire = latestHire;
        }

        var frontline = random.Next(100) < post.Category switch
        {
            PostCategory.Skill => 90,
            PostCategory.Technical => 25,
            _ => 10,
        };
        var occupation = post.Occupation;
        return new SyntheticPerson(post, male, birth, firstWork, hire, frontline, occupation);
    }

    private List<SyntheticCertificate> DrawCertificates(SyntheticPerson person)
    {
        var roll = random.Next(1000);
        SkillLevel? top = person.Post.Category switch
        {
            PostCategory.Skill => roll switch
            {
                < 80 => null,
                < 300 => SkillLevel.JuniorWorker,
                < 620 => SkillLevel.IntermediateWorker,
                < 850 => SkillLevel.SeniorWorker,
                < 960 => SkillLevel.Technician,
                _ => SkillLevel.SeniorTechnician,
            },
            PostCategory.Technical => roll switch
            {
                < 750 => null,
                < 850 => SkillLevel.IntermediateWorker,
                < 950 => SkillLevel.SeniorWorker,
                _ => SkillLevel.Technician,
            },
            _ => roll < 900 ? null : SkillLevel.IntermediateWorker,
        };
        var certificates = new List<SyntheticCertificate>(4);
        if (top is not { } highest)
        {
            return certificates;
        }

        // Occupations without a post occupation (engineers) certify in the workshop trade they started in.
        var occupation = person.Occupation.Length > 0 ? person.Occupation : "数控车工";
        var level = random.Next(100) < 70 ? SkillLevel.JuniorWorker : SkillLevel.IntermediateWorker;
        var start = person.FirstWork.AddYears(1) > FirstCertificateDay ? person.FirstWork.AddYears(1) : FirstCertificateDay;
        var issued = Between(start, start.AddYears(6));
        for (; level <= highest && issued <= LastIssueDay; level++)
        {
            certificates.Add(new SyntheticCertificate(level, occupation, issued, CertificateNumber(issued)));
            issued = issued.AddYears(2 + random.Next(4)).AddDays(random.Next(180));
        }

        return certificates;
    }

    private string CertificateNumber(DateOnly issued)
    {
        var yy = (issued.Year % 100).ToString("D2", CultureInfo.InvariantCulture);
        // 职业资格证书 (before the 2020 reform): 16 digits, year + province 36 + issuing body + serial.
        // 职业技能等级证书: "Y" + 21 digits, evaluating body code + year + serial, as printed on the certificates.
        return issued < SkillLevelReform
            ? $"{yy}3601{random.Next(100000):D5}{random.Next(100000):D5}"
            : $"Y00003601{random.Next(100000):D5}{yy}{random.Next(1000000):D6}";
    }

    private void WriteEmployee(string id, SyntheticPerson person, List<SyntheticCertificate> certificates, BadRowKind? bad)
    {
        var idNumber = random.Next(100) < 95 ? IdNumbers.Next(random, person.Birth, person.Male) : "";
        var firstWork = person.FirstWork != person.Hire || random.Next(100) < 30 ? Date(person.FirstWork) : "";
        var (appointed, from, until) = DrawAppointment(certificates);
        var hire = Date(person.Hire);
        var category = person.Post.Category.ToCode();
        switch (bad)
        {
            case BadRowKind.BadHireDate:
                Plant(roster.Employees, bad.Value);
                hire = $"{person.Hire.Year}-13-{random.Next(32, 40)}";
                break;
            case BadRowKind.UnknownPostCategory:
                Plant(roster.Employees, bad.Value);
                category = "临时工";
                break;
            case BadRowKind.BadIdNumberCheckDigit:
                Plant(roster.Employees, bad.Value);
                idNumber = IdNumbers.WithWrongCheck(idNumber.Length > 0 ? idNumber : IdNumbers.Next(random, person.Birth, person.Male));
                break;
        }

        roster.Employees.Write(
            id,
            ChineseNames.Next(random, person.Male),
            idNumber,
            Date(person.Birth),
            hire,
            firstWork,
            person.Post.Department,
            _enterpriseCode,
            person.Post.Post,
            category,
            person.Frontline ? "yes" : "no",
            person.Occupation,
            person.Post.Majors[random.Next(person.Post.Majors.Length)],
            Workforce.Education(random, person.Post.Category),
            appointed,
            from,
            until);
    }

    private (string Level, string From, string Until) DrawAppointment(List<SyntheticCertificate> certificates)
    {
        if (certificates.Count == 0 || certificates[^1].Level < SkillLevel.SeniorWorker || random.Next(100) >= 35)
        {
            return ("", "", "");
        }

        var basis = certificates[^1];
        var level = basis.Level == SkillLevel.SeniorTechnician && random.Next(100) < 5
            ? (random.Next(2) == 0 ? SkillLevel.PrincipalTechnician : SkillLevel.ChiefTechnician)
            : basis.Level;
        var from = Between(basis.IssuedOn.AddMonths(6), basis.IssuedOn.AddYears(2));
        var until = random.Next(100) < 30 ? "" : Date(from.AddYears(3).AddDays(-1));
        return (level.ToCode(), Date(from), until);
    }

    private void WriteTitles(string id, SyntheticPerson person)
    {
        var roll = random.Next(1000);
        TitleLevel? top = person.Post.Category switch
        {
            PostCategory.Technical => roll switch
            {
                < 120 => null,
                < 210 => TitleLevel.Clerk,
                < 520 => TitleLevel.Assistant,
                < 850 => TitleLevel.Intermediate,
                < 985 => TitleLevel.AssociateSenior,
                _ => TitleLevel.Senior,
            },
            PostCategory.Management => roll switch
            {
                < 650 => null,
                < 850 => TitleLevel.Assistant,
                _ => TitleLevel.Intermediate,
            },
            _ => roll switch
            {
                < 985 => null,
                < 995 => TitleLevel.Assistant,
                _ => TitleLevel.Intermediate,
            },
        };
        if (top is not { } highest)
        {
            return;
        }

        var series = person.Post.Category == PostCategory.Management && random.Next(100) < 30
            ? TitleSeries.Economics
            : TitleSeries.Engineering;
        var specialty = series == TitleSeries.Economics ? "人力资源管理" : person.Post.Majors[0];
        // Half of the holders also list the title below the highest one, as HR exports often do.
        var level = highest > TitleLevel.Clerk && random.Next(2) == 0 ? highest - 1 : highest;
        var obtained = Between(person.FirstWork.AddYears(1), person.FirstWork.AddYears(8));
        for (; level <= highest; level++)
        {
            if (obtained > LastIssueDay)
            {
                obtained = Between(person.Hire, LastIssueDay);
            }

            roster.Titles.Write(id, series.ToCode(), specialty, level.ToCode(), Date(obtained), TitleNumber(series, level, obtained));
            obtained = obtained.AddYears(4 + random.Next(4));
        }
    }

    private string TitleNumber(TitleSeries series, TitleLevel level, DateOnly obtained)
    {
        var word = level switch
        {
            TitleLevel.Clerk => "员",
            TitleLevel.Assistant => "助",
            TitleLevel.Intermediate => "中",
            TitleLevel.AssociateSenior => "副高",
            _ => "正高",
        };
        return $"赣{series.ToChinese()}{word}字{obtained.Year}-{random.Next(1, 10000):D4}";
    }

    private void WriteAssessments(string id, SyntheticPerson person)
    {
        // A few records lack a year (the "needs review" case of R4).
        var skipped = random.Next(100) < 2 ? AssessmentYears[random.Next(AssessmentYears.Length)] : 0;
        foreach (var year in AssessmentYears)
        {
            if (year == skipped || person.Hire.Year > year)
            {
                continue;
            }

            var result = random.Next(1000) switch
            {
                < 150 => AssessmentResult.Excellent,
                < 970 => AssessmentResult.Qualified,
                < 995 => AssessmentResult.BasicallyQualified,
                _ => AssessmentResult.Unqualified,
            };
            roster.Assessments.Write(id, Year(year), result.ToCode());
        }
    }

    private void WriteWorkPeriods(string id, SyntheticPerson person, bool certified)
    {
        if (!certified || person.Post.Category != PostCategory.Skill || random.Next(100) >= 5)
        {
            return;
        }

        // A spell of other work (a secondment, an office post) interrupts technical-skill work; most return to it.
        var gapStart = Between(person.Hire.AddYears(1), ReferenceDate.AddYears(-1));
        var gapEnd = gapStart.AddMonths(2 + random.Next(18));
        roster.WorkPeriods.Write(id, Date(person.Hire), Date(gapStart.AddDays(-1)), WorkKind.TechnicalSkill.ToCode());
        roster.WorkPeriods.Write(id, Date(gapStart), Date(gapEnd), WorkKind.Other.ToCode());
        if (random.Next(10) > 0)
        {
            roster.WorkPeriods.Write(id, Date(gapEnd.AddDays(1)), "", WorkKind.TechnicalSkill.ToCode());
        }
    }

    private void WriteAchievements(string id, SyntheticPerson person, bool candidate)
    {
        var count = candidate
            ? (random.Next(100) < 45 ? 1 + random.Next(5) : 0)
            : (random.Next(100) < 4 ? 1 : 0);
        for (var i = 0; i < count; i++)
        {
            var (kind, ranks, title) = AchievementKinds[random.Next(AchievementKinds.Length)];
            var date = Between(person.Hire, LastIssueDay);
            roster.Achievements.Write(id, kind, $"{date.Year}年{person.Post.Department}{title}", Date(date), ranks[random.Next(ranks.Length)]);
        }
    }

    private void WriteContinuingEducation(string id, bool candidate)
    {
        // The firm keeps training hours for everyone; the export the screening needs carries those who may apply.
        if (!candidate && random.Next(100) >= 10)
        {
            return;
        }

        var skipped = random.Next(100) < 3 ? AssessmentYears[random.Next(AssessmentYears.Length)] : 0;
        foreach (var year in AssessmentYears)
        {
            if (year != skipped)
            {
                var hours = random.Next(100) < 92 ? 72 + random.Next(49) : 24 + random.Next(48);
                roster.ContinuingEducation.Write(id, Year(year), Year(hours));
            }
        }
    }

    private void WriteSafetyIncidents(string id, SyntheticPerson person)
    {
        if (person.Post.Category != PostCategory.Skill || random.Next(1000) >= 12)
        {
            return;
        }

        var severity = random.Next(100) switch
        {
            < 80 => "一般",
            < 93 => "较大",
            _ => "重大",
        };
        roster.SafetyIncidents.Write(id, Date(Between(new DateOnly(2018, 1, 1), LastIssueDay)), severity);
    }

    private void WriteApprentices(string id, DateOnly since)
    {
        var count = random.Next(100) < 60 ? random.Next(5) : 0;
        for (var i = 0; i < count; i++)
        {
            var from = Between(since, LastIssueDay);
            // Apprentices are colleagues (a 工号 in the roster) or, now and then, trainees from a partner school.
            var apprenticeId = random.Next(100) < 85 ? EmployeeId(random.Next(employees)) : "";
            var name = ChineseNames.Next(random, random.Next(100) < 80);
            var to = random.Next(100) < 30 ? "" : Date(from.AddYears(2).AddDays(-1));
            roster.Apprentices.Write(id, apprenticeId, name, Date(from), to);
        }
    }
}
