using System.Text.RegularExpressions;
using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;
using static EnterpriseEval.Sdk.Tests.EmployeeRecordBuilder;

namespace EnterpriseEval.Sdk.Tests.Screening;

public sealed partial class StatutoryRuleSetTests
{
    // Someone every path applies to, with one failure of each kind somewhere.
    private static EmployeeRecordBuilder Everyone() =>
        new EmployeeRecordBuilder()
            .InTechnicalPost()
            .With(e => e with { AppointedSkillLevel = SkillLevel.Technician, AppointedFrom = D("2020-01-01") })
            .Certificate(SkillLevel.Technician, "2024-06-01", "JS-1")
            .Title(TitleLevel.Assistant, "2019-01-01")
            .Honour(HonourKind.NationalTechnicalExpert, "2023-01-01")
            .NotAssessed(2024);

    [Fact]
    public void Without_applications_decisions_come_in_path_order_then_ascending_target()
    {
        var decisions = Screen.All(Everyone());

        Assert.Equal(
            [
                "skill_to_title/intermediate",
                "green_channel/associate_senior",
                "green_channel/senior",
                "skill_promotion/senior_technician",
            ],
            decisions.Select(d => $"{d.Path.ToCode()}/{d.TargetLevelCode}"));
    }

    [Fact]
    public void With_applications_only_the_applications_are_screened_in_their_order()
    {
        var employee = Everyone()
            .Applies(ScreeningPath.SkillPromotion, SkillLevel.SeniorTechnician)
            .Applies(ScreeningPath.SkillToTitle, TitleLevel.Assistant);

        var decisions = Screen.All(employee);

        Assert.Equal(
            [ScreeningPath.SkillPromotion, ScreeningPath.SkillToTitle],
            decisions.Select(d => d.Path));
    }

    // docs/rules.md "Which decisions are made": with applications.csv 「every application row is screened on its own
    // path and target, and nothing else」 — in a roster that has applications, someone who did not apply is not screened.
    [Fact]
    public void In_a_roster_with_applications_an_employee_without_one_gets_no_decision()
    {
        var record = Everyone().Build();

        Assert.Empty(Screen.Defaults.Screen(record, Screen.DefaultCutOff, rosterHasApplications: true));
        Assert.Equal(
            Screen.Defaults.Screen(record, Screen.DefaultCutOff).Select(d => (d.Path, d.TargetLevelCode)),
            Screen.Defaults.Screen(record, Screen.DefaultCutOff, rosterHasApplications: false).Select(d => (d.Path, d.TargetLevelCode)));
        Assert.Equal(4, Screen.Defaults.Screen(record, Screen.DefaultCutOff, rosterHasApplications: false).Count);
    }

    [Fact]
    public void In_a_roster_with_applications_an_applicant_gets_exactly_the_applications()
    {
        var record = Everyone().Applies(ScreeningPath.SkillToTitle, TitleLevel.Intermediate).Build();

        var decision = Assert.Single(Screen.Defaults.Screen(record, Screen.DefaultCutOff, rosterHasApplications: true));

        Assert.Equal((ScreeningPath.SkillToTitle, "intermediate"), (decision.Path, decision.TargetLevelCode));
    }

    [Fact]
    public void An_employee_without_any_qualification_gets_no_decision() =>
        Assert.Empty(Screen.All(new EmployeeRecordBuilder()));

    [Fact]
    public void Without_a_certificate_honour_or_title_no_path_opens_however_long_the_service_but_each_of_them_alone_opens_its_own()
    {
        var veteran = new EmployeeRecordBuilder().InTechnicalPost().HiredOn("1990-03-01").Worked("1990-03-01", null).AssessedQualified(2015, 2025);
        Assert.Empty(Screen.All(veteran));

        Assert.Equal(
            [ScreeningPath.SkillToTitle, ScreeningPath.SkillPromotion],
            Screen.All(new EmployeeRecordBuilder().InTechnicalPost().Certificate(SkillLevel.SeniorWorker, "2020-01-01")).Select(d => d.Path).Distinct());
        Assert.Equal(
            [ScreeningPath.GreenChannel],
            Screen.All(new EmployeeRecordBuilder().Honour(HonourKind.ChinaSkillsAward, "2024-05-01")).Select(d => d.Path).Distinct());
        Assert.Equal(
            [ScreeningPath.TitleToSkill],
            Screen.All(new EmployeeRecordBuilder().Title(TitleLevel.Intermediate, "2019-06-01")).Select(d => d.Path).Distinct());

        // An application is screened whatever the employee holds.
        Assert.Equal(ScreeningPath.SkillToTitle, Screen.One(new EmployeeRecordBuilder().Applies(ScreeningPath.SkillToTitle, TitleLevel.Assistant)).Path);
    }

    [Fact]
    public void Earliest_eligible_date_is_absent_when_something_other_than_time_fails()
    {
        var employee = new EmployeeRecordBuilder()
            .Certificate(SkillLevel.Technician, "2025-01-01")
            .Assessed(2025, AssessmentResult.Unqualified)
            .Applies(ScreeningPath.SkillToTitle, TitleLevel.Intermediate);

        var decision = Screen.One(employee);

        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Null(decision.EarliestEligibleOn);
        Assert.Equal("R2;R4", decision.RuleIds());
        Assert.Equal(D("2028-01-01"), Assert.Single(decision.Of("R2")).MetOn);
    }

    [Fact]
    public void Earliest_eligible_date_is_given_when_only_time_stands_in_the_way()
    {
        var decision = Screen.One(
            new EmployeeRecordBuilder()
                .Certificate(SkillLevel.Technician, "2025-01-01")
                .Applies(ScreeningPath.SkillToTitle, TitleLevel.Intermediate));

        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Equal(D("2028-01-01"), decision.EarliestEligibleOn);
    }

    [Fact]
    public void Every_finding_message_ends_with_its_clause_in_full_width_brackets()
    {
        var options = PolicyOptions.ProjectDefaults();
        options.RelatedMajors["车工"] = ["机械"];
        var rules = StatutoryRuleSet.Create(options);
        var employee = Everyone()
            .With(e => e with { Major = "机械" })
            .Applies(ScreeningPath.SkillToTitle, TitleLevel.Intermediate, TitleSeries.Economics)
            .Applies(ScreeningPath.GreenChannel, TitleLevel.Senior)
            .Applies(ScreeningPath.TitleToSkill, SkillLevel.SeniorWorker)
            .Applies(ScreeningPath.TitleToSkill, SkillLevel.Technician, "焊工")
            .Applies(ScreeningPath.SkillPromotion, SkillLevel.SeniorTechnician);
        var record = employee.Build();

        var findings = rules.Screen(record, Screen.DefaultCutOff).SelectMany(d => d.Findings)
            .Append(rules.Equivalence(record, Screen.DefaultCutOff)!.Finding)
            .ToList();

        Assert.True(findings.Count > 15);
        Assert.All(findings, f =>
        {
            // A sentence reaches a person: it cites the document by number and clause, never the short id.
            var citation = PolicyCitation.Format(f.Clause);
            Assert.EndsWith($"（{citation}）", f.Message, StringComparison.Ordinal);
            Assert.Matches("^(人社部发〔2020〕96号|赣人社字〔2021〕227号|本系统项目默认配置)", citation);
            Assert.DoesNotContain(f.Clause, f.Message, StringComparison.Ordinal);
            Assert.Matches(RuleId(), f.RuleId);
            Assert.DoesNotMatch(Latin(), f.Message);
        });
    }

    [Fact]
    public void Screening_the_same_employee_twice_gives_equal_decisions()
    {
        var record = Everyone().Build();

        var first = Screen.Defaults.Screen(record, Screen.DefaultCutOff);
        var second = StatutoryRuleSet.Create(PolicyOptions.ProjectDefaults()).Screen(record, Screen.DefaultCutOff);

        Assert.Equal(first.Select(Describe), second.Select(Describe));
        Assert.All(first.Zip(second), pair => Assert.Equal(pair.First with { Findings = pair.Second.Findings }, pair.Second));
    }

    [Fact]
    public void What_was_found_for_one_employee_never_carries_over_to_the_next_screened_on_the_same_thread()
    {
        // Nothing found for one employee (highest certificate, highest title, R4's years) is kept for the next: screened
        // one after another on one thread, in any order, each employee gets exactly what it gets alone on a thread of its own.
        EmployeeRecord[] employees =
        [
            Everyone().Build(),
            new EmployeeRecordBuilder().Certificate(SkillLevel.SeniorTechnician, "2015-03-01", "GJ-9").AssessedQualified(2023, 2025).Build(),
            new EmployeeRecordBuilder().InTechnicalPost().Title(TitleLevel.Intermediate, "2016-01-01").Assessed(2025, AssessmentResult.Unqualified).Build(),
            new EmployeeRecordBuilder().Certificate(SkillLevel.SeniorWorker, "2022-01-01", "JS-7").Certificate(SkillLevel.Technician, "2027-01-01", "LATER").Build(),
            new EmployeeRecordBuilder().Honour(HonourKind.NationalTechnicalExpert, "2024-05-01").AssessedQualified(2023, 2025).Build(),
        ];
        var alone = employees
            .Select(e =>
            {
                string[] described = [];
                var thread = new Thread(() => described = [.. Screen.Defaults.Screen(e, Screen.DefaultCutOff).Select(Describe)]);
                thread.Start();
                thread.Join();
                return described;
            })
            .ToArray();
        Assert.Contains(alone, d => d.Length > 0);

        int[] order = [0, 1, 2, 3, 4, 4, 3, 2, 1, 0, 2, 0, 4, 1, 3];
        foreach (var i in order)
        {
            Assert.Equal(alone[i], Screen.Defaults.Screen(employees[i], Screen.DefaultCutOff).Select(Describe));
        }
    }

    [Fact]
    public void Unknown_honour_in_the_configuration_is_refused_naming_key_and_value()
    {
        var options = PolicyOptions.ProjectDefaults();
        options.GreenChannelHonours.Add("五一劳动奖章");

        var error = Assert.Throws<ArgumentException>(() => StatutoryRuleSet.Create(options));

        Assert.Contains("EnterpriseEval:Policy:GreenChannelHonours", error.Message, StringComparison.Ordinal);
        Assert.Contains("“五一劳动奖章”不是可识别的荣誉", error.Message, StringComparison.Ordinal);
        Assert.Contains("全国技术能手(national_technical_expert)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_level_in_the_years_table_is_refused()
    {
        var options = PolicyOptions.ProjectDefaults();
        options.CumulativeWorkYears["master"] = 5;

        var error = Assert.Throws<ArgumentException>(() => StatutoryRuleSet.Create(options));

        Assert.Contains("CumulativeWorkYears", error.Message, StringComparison.Ordinal);
        Assert.Contains("“master”不是可识别的职业技能等级", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_years_are_refused()
    {
        var options = PolicyOptions.ProjectDefaults();
        options.CumulativeWorkYears["technician"] = -1;

        var error = Assert.Throws<ArgumentException>(() => StatutoryRuleSet.Create(options));

        Assert.Contains("CumulativeWorkYears:technician 的值 -1 无效", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_default_series_is_refused()
    {
        var options = PolicyOptions.ProjectDefaults();
        options.DefaultSeries = "航天";

        var error = Assert.Throws<ArgumentException>(() => StatutoryRuleSet.Create(options));

        Assert.Contains("EnterpriseEval:Policy:DefaultSeries", error.Message, StringComparison.Ordinal);
        Assert.Contains("“航天”", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Chinese_names_are_accepted_in_the_configuration()
    {
        var options = PolicyOptions.ProjectDefaults();
        options.GreenChannelHonours = ["全国技术能手"];
        options.CumulativeWorkYears = new(StringComparer.Ordinal) { ["技师"] = 30 };
        // The default correspondence declares 车工 (工程); configuration wins over it, and DefaultSeries (an explicit
        // opt-in) applies only to an occupation nothing declares (96/2.1: the 专业对应关系 is declared, not guessed).
        options.OccupationSeries["车工"] = "工艺美术";
        options.DefaultSeries = "实验技术";
        var rules = StatutoryRuleSet.Create(options);

        var decisions = Screen.All(Everyone(), rules: rules);

        Assert.All(decisions.Where(d => d.TargetSeries is not null), d => Assert.Equal(TitleSeries.ArtsCrafts, d.TargetSeries));
        var undeclared = Screen.All(Everyone().With(e => e with { Occupation = "中式烹调师" }), rules: rules);
        Assert.All(undeclared.Where(d => d.TargetTitleLevel is not null), d => Assert.Equal(TitleSeries.Laboratory, d.TargetSeries));
        var reverse = Screen.One(
            new EmployeeRecordBuilder().Title(TitleLevel.Intermediate, "2020-01-01").Applies(ScreeningPath.TitleToSkill, SkillLevel.Technician),
            rules: rules);
        Assert.Equal(D("2040-07-01"), reverse.EarliestEligibleOn);
    }

    [Fact]
    public void Application_without_a_level_needs_review_rather_than_being_dropped()
    {
        var record = new EmployeeRecordBuilder().Build() with
        {
            Applications = [new Application { Path = ScreeningPath.SkillToTitle }],
        };

        var decision = Assert.Single(Screen.Defaults.Screen(record, Screen.DefaultCutOff));

        Assert.Equal(Outcome.NeedsReview, decision.Outcome);
        Assert.Contains("未注明申报层级", decision.Reasons(), StringComparison.Ordinal);
    }

    private static string Describe(Decision d) =>
        $"{d.Path}|{d.TargetLevelCode}|{d.TargetSeries}|{d.TargetOccupation}|{d.Outcome}|{d.EarliestEligibleOn}|" +
        $"{d.TheoryExamExempt}|{d.BasisCertificateNo}|{string.Join("；", d.Findings.Select(f => $"{f.RuleId}:{f.Kind}:{f.Message}"))}";

    [GeneratedRegex("^R([1-9]|1[0-2])$")]
    private static partial Regex RuleId();

    // A reviewer reads Chinese; only codes such as certificate numbers may be Latin, and the test data uses none
    // outside them.
    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex Latin();
}
