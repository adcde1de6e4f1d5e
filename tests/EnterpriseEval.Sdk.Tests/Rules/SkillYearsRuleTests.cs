using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;
using static EnterpriseEval.Sdk.Tests.EmployeeRecordBuilder;

namespace EnterpriseEval.Sdk.Tests.Rules;

public sealed class SkillYearsRuleTests
{
    private static EmployeeRecordBuilder Holder(SkillLevel level, string issuedOn, TitleLevel target) =>
        new EmployeeRecordBuilder()
            .Certificate(level, issuedOn, "JN-2024-001")
            .Applies(ScreeningPath.SkillToTitle, target);

    [Theory]
    [InlineData(SkillLevel.SeniorWorker, "2024-12-31", TitleLevel.Assistant, "R1")]
    [InlineData(SkillLevel.Technician, "2023-12-31", TitleLevel.Intermediate, "R2")]
    [InlineData(SkillLevel.SeniorTechnician, "2022-12-31", TitleLevel.AssociateSenior, "R3")]
    public void Holder_is_eligible_on_the_anniversary_itself(SkillLevel level, string issuedOn, TitleLevel target, string ruleId)
    {
        var decision = Screen.One(Holder(level, issuedOn, target), "2026-12-31");

        Assert.Equal(Outcome.Eligible, decision.Outcome);
        Assert.Null(decision.EarliestEligibleOn);
        Assert.Equal("", decision.RuleIds());
        var met = Assert.Single(decision.Of(ruleId));
        Assert.Equal(FindingKind.Met, met.Kind);
        Assert.Contains("已于2026年12月31日满足", met.Message, StringComparison.Ordinal);
        Assert.Equal("JN-2024-001", decision.BasisCertificateNo);
    }

    [Theory]
    [InlineData(SkillLevel.SeniorWorker, "2024-12-31", TitleLevel.Assistant, "R1", "2")]
    [InlineData(SkillLevel.Technician, "2023-12-31", TitleLevel.Intermediate, "R2", "3")]
    [InlineData(SkillLevel.SeniorTechnician, "2022-12-31", TitleLevel.AssociateSenior, "R3", "4")]
    public void Holder_is_not_eligible_the_day_before_and_learns_the_date(
        SkillLevel level, string issuedOn, TitleLevel target, string ruleId, string years)
    {
        var decision = Screen.One(Holder(level, issuedOn, target), "2026-12-30");

        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Equal(D("2026-12-31"), decision.EarliestEligibleOn);
        Assert.Equal(ruleId, decision.RuleIds());
        var failed = Assert.Single(decision.Of(ruleId));
        Assert.Contains($"须满{years}年，将于2026年12月31日满足", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Technician_with_exactly_three_years_is_eligible()
    {
        var employee = Holder(SkillLevel.Technician, "2020-03-01", TitleLevel.Intermediate).AssessedQualified(2020, 2022);

        var decision = Screen.One(employee, "2023-03-01");

        Assert.Equal(Outcome.Eligible, decision.Outcome);
        Assert.Equal(TitleLevel.Intermediate, decision.TargetTitleLevel);
        Assert.Equal(TitleSeries.Engineering, decision.TargetSeries);
    }

    [Fact]
    public void Message_names_the_certificate_its_number_and_issue_date()
    {
        var decision = Screen.One(Holder(SkillLevel.Technician, "2020-03-01", TitleLevel.Intermediate));

        var met = Assert.Single(decision.Of("R2"));
        Assert.Equal(
            "持有技师职业技能等级证书（车工，证书编号 JN-2024-001，2020年3月1日发证），未登记工作经历，" +
            "按发证日期推定发证后从事技术技能工作满3年，已于2023年3月1日满足申报中级职称的年限要求（人社部发〔2020〕96号 二（二）1）",
            met.Message);
    }

    [Fact]
    public void Certificate_of_29_february_is_met_on_28_february()
    {
        var employee = Holder(SkillLevel.Technician, "2020-02-29", TitleLevel.Intermediate).AssessedQualified(2020, 2022);

        Assert.Equal(Outcome.Eligible, Screen.One(employee, "2023-02-28").Outcome);
        var dayBefore = Screen.One(employee, "2023-02-27");
        Assert.Equal(Outcome.NotEligible, dayBefore.Outcome);
        Assert.Equal(D("2023-02-28"), dayBefore.EarliestEligibleOn);
    }

    [Fact]
    public void A_higher_certificate_satisfies_a_lower_rung()
    {
        var decision = Screen.One(Holder(SkillLevel.Technician, "2024-01-01", TitleLevel.Assistant));

        Assert.Equal(Outcome.Eligible, decision.Outcome);
        Assert.Contains("持有技师", Assert.Single(decision.Of("R1")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_two_certificates_the_one_met_earliest_is_named()
    {
        var employee = new EmployeeRecordBuilder()
            .Certificate(SkillLevel.SeniorTechnician, "2025-06-01", "GJ-NEW")
            .Certificate(SkillLevel.Technician, "2021-06-01", "JS-OLD")
            .Applies(ScreeningPath.SkillToTitle, TitleLevel.Intermediate);

        var decision = Screen.One(employee);

        Assert.Equal(Outcome.Eligible, decision.Outcome);
        Assert.Equal("JS-OLD", decision.BasisCertificateNo);
    }

    [Fact]
    public void Other_work_in_between_moves_the_date_by_the_days_of_the_gap()
    {
        var employee = Holder(SkillLevel.Technician, "2020-03-01", TitleLevel.Intermediate)
            .AssessedQualified(2020, 2022)
            .Worked("2015-01-01", "2021-02-28")
            .Worked("2021-03-01", "2021-03-31", WorkKind.Other)
            .Worked("2021-04-01", null);

        var before = Screen.One(employee, "2023-03-31");
        Assert.Equal(Outcome.NotEligible, before.Outcome);
        Assert.Equal(D("2023-04-01"), before.EarliestEligibleOn);
        // Issue #19, defect 7. 96号 二（二）1:「取得技师…后从事技术技能工作满3年」: the days not in technical-skill work are
        // deducted, and the sentence says how many (2021-03-01…2021-03-31: 31 days).
        Assert.Contains("扣除未从事技术技能工作的31天", Assert.Single(before.Of("R2")).Message, StringComparison.Ordinal);
        Assert.Equal(Outcome.Eligible, Screen.One(employee, "2023-04-01").Outcome);
    }

    [Fact]
    public void Without_work_periods_a_later_hire_date_is_where_the_years_start()
    {
        var employee = Holder(SkillLevel.Technician, "2020-03-01", TitleLevel.Intermediate)
            .HiredOn("2021-05-01")
            .AssessedQualified(2021, 2023);

        var decision = Screen.One(employee, "2024-04-30");

        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Equal(D("2024-05-01"), decision.EarliestEligibleOn);
        Assert.Contains("按入职日期（2021年5月1日）推定自入职起从事技术技能工作", Assert.Single(decision.Of("R2")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ongoing_other_work_leaves_no_date_to_wait_for()
    {
        var employee = Holder(SkillLevel.Technician, "2020-03-01", TitleLevel.Intermediate)
            .Worked("2015-01-01", "2021-12-31")
            .Worked("2022-01-01", null, WorkKind.Other);

        var decision = Screen.One(employee);

        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Null(decision.EarliestEligibleOn);
        Assert.Contains("无法推算", Assert.Single(decision.Of("R2")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Revoked_certificate_is_ignored()
    {
        var employee = new EmployeeRecordBuilder()
            .Certificate(SkillLevel.Technician, "2015-03-01", status: CertificateStatus.Revoked)
            .Applies(ScreeningPath.SkillToTitle, TitleLevel.Intermediate);

        var decision = Screen.One(employee);

        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Null(decision.EarliestEligibleOn);
        Assert.Contains("未持有有效的技师及以上", Assert.Single(decision.Of("R2")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Revoked_certificate_opens_no_path_without_applications()
    {
        var employee = new EmployeeRecordBuilder()
            .Certificate(SkillLevel.Technician, "2015-03-01", status: CertificateStatus.Revoked);

        Assert.Empty(Screen.All(employee));
    }

    [Fact]
    public void Certificate_issued_after_the_cut_off_is_ignored()
    {
        var employee = Holder(SkillLevel.SeniorWorker, "2027-01-01", TitleLevel.Assistant);

        var decision = Screen.One(employee, "2026-12-31");

        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Null(decision.EarliestEligibleOn);
        Assert.Contains("截至2026年12月31日未持有有效的高级工及以上", decision.Reasons(), StringComparison.Ordinal);
    }

    [Fact]
    public void Skill_to_title_cannot_reach_the_senior_title()
    {
        var decision = Screen.One(Holder(SkillLevel.SeniorTechnician, "2010-01-01", TitleLevel.Senior));

        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Equal("R3", decision.RuleIds());
        Assert.Contains("经绿色通道", decision.Reasons(), StringComparison.Ordinal);
    }

    // Issue #19, defect 4. 96号 二（二）1:「取得技师职业资格或职业技能等级后从事技术技能工作满3年」. Without work-period rows the
    // years are only presumed; a management post gives no ground for the presumption.
    [Fact]
    public void A_management_post_without_work_periods_needs_review_of_the_years_of_technical_skill_work()
    {
        var decision = Screen.One(
            Holder(SkillLevel.Technician, "2018-03-01", TitleLevel.Intermediate)
                .With(e => e with { PostCategory = PostCategory.Management, Post = "科长" }));

        Assert.Equal(Outcome.NeedsReview, decision.Outcome);
        Assert.Null(decision.EarliestEligibleOn);
        var finding = Assert.Single(decision.Of("R2"));
        Assert.Equal(FindingKind.NeedsReview, finding.Kind);
        Assert.Equal(Clauses.SkillToTitle, finding.Clause);
        Assert.Contains("现岗位为管理岗位且未登记工作经历，无法确认从事技术技能工作的年限", finding.Message, StringComparison.Ordinal);
        Assert.Contains("work_periods.csv", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("发证后从事技术技能工作满3年，已于", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_management_post_with_work_periods_is_screened_on_the_periods()
    {
        var decision = Screen.One(
            Holder(SkillLevel.Technician, "2018-03-01", TitleLevel.Intermediate)
                .With(e => e with { PostCategory = PostCategory.Management })
                .Worked("2015-01-01", "2022-12-31")
                .Worked("2023-01-01", null, WorkKind.Other));

        Assert.Equal(Outcome.Eligible, decision.Outcome);
        Assert.Contains("已于2021年3月1日满足", Assert.Single(decision.Of("R2")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_management_post_that_could_not_have_the_years_even_if_presumed_is_refused_without_a_date()
    {
        var decision = Screen.One(
            Holder(SkillLevel.Technician, "2025-03-01", TitleLevel.Intermediate)
                .With(e => e with { PostCategory = PostCategory.Management }));

        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Null(decision.EarliestEligibleOn);
        var finding = Assert.Single(decision.Of("R2"));
        Assert.Equal(FindingKind.Failed, finding.Kind);
        Assert.Contains("即使发证后一直从事技术技能工作，也要到2028年3月1日才满3年", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PostCategory.Skill)]
    [InlineData(PostCategory.Technical)]
    public void Skill_and_technical_posts_without_work_periods_are_eligible_on_a_stated_presumption(PostCategory post)
    {
        var decision = Screen.One(
            Holder(SkillLevel.Technician, "2018-03-01", TitleLevel.Intermediate).With(e => e with { PostCategory = post }));

        Assert.Equal(Outcome.Eligible, decision.Outcome);
        var met = Assert.Single(decision.Of("R2"));
        Assert.Equal(FindingKind.Met, met.Kind);
        Assert.Contains("未登记工作经历，按发证日期推定发证后从事技术技能工作满3年", met.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_work_periods_the_years_are_stated_from_the_records_without_a_presumption()
    {
        var decision = Screen.One(
            Holder(SkillLevel.Technician, "2018-03-01", TitleLevel.Intermediate).Worked("2015-01-01", null));

        var met = Assert.Single(decision.Of("R2"));
        Assert.Contains("发证后从事技术技能工作满3年", met.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("推定", met.Message, StringComparison.Ordinal);
    }
}
