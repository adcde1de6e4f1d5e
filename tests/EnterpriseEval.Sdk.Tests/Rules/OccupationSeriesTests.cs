using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Rules;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Tests.Rules;

/// <summary>
/// Which series a title path aims at without <c>target_series</c> (docs/rules.md "The series of a title path"), and
/// which held titles hide a target. 96号 二（二）1: 「取得技师职业资格或职业技能等级后从事技术技能工作满3年，可申报评审
/// 相应专业中级职称」; 96号 二（一）: 「明确高技能人才参加职称评审的专业对应关系」.
/// </summary>
public sealed class OccupationSeriesTests
{
    // A frontline 技师 in the occupation, certificate 2018 (3 years long met), assessed 合格 2023–2025.
    private static EmployeeRecordBuilder Technician(string occupation) =>
        new EmployeeRecordBuilder()
            .With(e => e with { Occupation = occupation })
            .Certificate(SkillLevel.Technician, "2018-01-01", occupation: occupation);

    private static Decision? Intermediate(IReadOnlyList<Decision> decisions) =>
        decisions.SingleOrDefault(d => d.Path == ScreeningPath.SkillToTitle && d.TargetTitleLevel == TitleLevel.Intermediate);

    // Defect 2 of issue #19: a title in another series hid the path.
    [Fact]
    public void A_technician_holding_an_economics_intermediate_title_gets_the_engineering_intermediate_decision()
    {
        // 96/2.2.1 opens the 相应专业 中级 title to a 技师; nothing bars one who holds an 经济 title (227/1 even
        // encourages skilled workers to take 经济 qualifications): compare held titles per series.
        var decision = Intermediate(Screen.All(Technician("车工").Title(TitleLevel.Intermediate, "2020-05-01", TitleSeries.Economics)));

        Assert.NotNull(decision);
        Assert.Equal(TitleSeries.Engineering, decision.TargetSeries);
        Assert.Equal(Outcome.Eligible, decision.Outcome);
    }

    [Fact]
    public void A_technician_holding_an_engineering_intermediate_title_gets_no_intermediate_decision()
    {
        // Already at 中级 in the series the 车工 path aims at (工程): nothing above it to try at that level.
        var decisions = Screen.All(Technician("车工").Title(TitleLevel.Intermediate, "2020-05-01", TitleSeries.Engineering));

        Assert.Null(Intermediate(decisions));
        Assert.DoesNotContain(decisions, d => d.Path == ScreeningPath.SkillToTitle && d.TargetTitleLevel == TitleLevel.Assistant);
    }

    // Defect 3 of issue #19: every occupation defaulted to 工程.
    [Fact]
    public void A_chinese_cook_technician_is_not_eligible_for_an_engineering_title_but_needs_a_declared_correspondence()
    {
        // 96/2.2.1 allows the 「相应专业」 title only; 96/2.1 leaves the 专业对应关系 to be declared: no guessed series.
        var decision = Intermediate(Screen.All(Technician("中式烹调师")));

        Assert.NotNull(decision);
        Assert.Equal(Outcome.NeedsReview, decision.Outcome);
        Assert.Null(decision.TargetSeries);
        var review = Assert.Single(decision.Of("R6"));
        Assert.Equal(FindingKind.NeedsReview, review.Kind);
        Assert.Equal(Clauses.ThroughSeries, review.Clause);
        Assert.Contains("职业工种“中式烹调师”未声明对应的职称系列（专业对应关系），须由评审单位确认", review.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("工程系列", decision.Reasons(), StringComparison.Ordinal);
        Assert.Equal("R6", decision.RuleIds());
    }

    [Fact]
    public void An_undeclared_occupation_still_fails_on_what_is_known()
    {
        // Missing years (96/2.2.1) are a failure whatever the series: not_eligible, with the missing correspondence named.
        var decision = Intermediate(Screen.All(
            new EmployeeRecordBuilder().With(e => e with { Occupation = "中式烹调师" })
                .Certificate(SkillLevel.Technician, "2025-03-01", occupation: "中式烹调师")));

        Assert.NotNull(decision);
        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Contains(decision.Of("R6"), f => f.Kind == FindingKind.NeedsReview);
    }

    [Fact]
    public void A_declared_occupation_says_where_its_series_and_specialty_come_from()
    {
        var decision = Intermediate(Screen.All(Technician("变电站运行值班员")));

        Assert.NotNull(decision);
        Assert.Equal(TitleSeries.Engineering, decision.TargetSeries);
        var met = Assert.Single(decision.Of("R6"));
        Assert.Equal(FindingKind.Met, met.Kind);
        Assert.Equal(Clauses.ThroughSeries, met.Clause);
        Assert.Contains("按项目默认的专业对应关系，变电站运行值班员对应工程系列电气工程专业", met.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_of_the_classification_name_is_declared_too()
    {
        // 热处理工 is how rosters write the classification's 金属热处理工.
        var decision = Intermediate(Screen.All(Technician("热处理工")));

        Assert.Equal(TitleSeries.Engineering, decision?.TargetSeries);
    }

    [Fact]
    public void Configuration_wins_over_the_default_correspondence()
    {
        var options = PolicyOptions.ProjectDefaults();
        options.OccupationSeries["车工"] = "农业/农业机械化";
        options.OccupationSeries["中式烹调师"] = "工艺美术";
        var rules = StatutoryRuleSet.Create(options);

        var turner = Intermediate(Screen.All(Technician("车工"), rules: rules));
        var cook = Intermediate(Screen.All(Technician("中式烹调师"), rules: rules));

        Assert.Equal(TitleSeries.Agriculture, turner?.TargetSeries);
        Assert.Contains("按所配置的专业对应关系，车工对应农业系列农业机械化专业", turner!.Reasons(), StringComparison.Ordinal);
        Assert.Equal(TitleSeries.ArtsCrafts, cook?.TargetSeries);
        Assert.Equal(Outcome.Eligible, cook!.Outcome);
    }

    [Fact]
    public void Configuration_may_declare_that_an_occupation_has_no_series()
    {
        var options = PolicyOptions.ProjectDefaults();
        options.OccupationSeries["车工"] = "";
        var rules = StatutoryRuleSet.Create(options);

        var decision = Intermediate(Screen.All(Technician("车工"), rules: rules));

        Assert.Equal(Outcome.NeedsReview, decision?.Outcome);
        Assert.Null(decision!.TargetSeries);
        Assert.Contains("职业工种“车工”未声明对应的职称系列", decision.Reasons(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_series_in_the_correspondence_is_refused_in_chinese_naming_the_key()
    {
        var options = PolicyOptions.ProjectDefaults();
        options.OccupationSeries["车工"] = "航天/机械";

        var error = Assert.Throws<ArgumentException>(() => StatutoryRuleSet.Create(options));

        Assert.Contains("EnterpriseEval:Policy:OccupationSeries:车工", error.Message, StringComparison.Ordinal);
        Assert.Contains("“航天”不是可识别的职称系列", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_application_naming_its_series_uses_it_whatever_the_occupation()
    {
        var decision = Screen.One(Technician("中式烹调师").Applies(ScreeningPath.SkillToTitle, TitleLevel.Intermediate, TitleSeries.Engineering));

        Assert.Equal(TitleSeries.Engineering, decision.TargetSeries);
        Assert.Contains("申报的工程系列属于高技能人才与专业技术人才贯通的职称系列", decision.Reasons(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_application_without_a_series_uses_the_correspondence_and_needs_review_without_one()
    {
        var decision = Screen.One(Technician("中式烹调师").Applies(ScreeningPath.SkillToTitle, TitleLevel.Intermediate));

        Assert.Equal(Outcome.NeedsReview, decision.Outcome);
        Assert.Null(decision.TargetSeries);
    }

    [Fact]
    public void A_post_without_an_occupation_takes_the_occupation_of_the_highest_certificate()
    {
        var employee = new EmployeeRecordBuilder()
            .With(e => e with { Occupation = "", PostCategory = PostCategory.Management })
            .Certificate(SkillLevel.Technician, "2018-01-01", occupation: "焊工");

        var decision = Intermediate(Screen.All(employee));

        Assert.Equal(TitleSeries.Engineering, decision?.TargetSeries);
        Assert.Contains("焊工对应工程系列机械工程专业", decision!.Reasons(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_occupation_of_the_post_comes_before_that_of_the_certificate()
    {
        // A cook by post holding a 车工 certificate: the post's occupation decides, and it has no correspondence.
        var employee = new EmployeeRecordBuilder()
            .With(e => e with { Occupation = "中式烹调师" })
            .Certificate(SkillLevel.Technician, "2018-01-01", occupation: "车工");

        var decision = Intermediate(Screen.All(employee));

        Assert.Equal(Outcome.NeedsReview, decision?.Outcome);
        Assert.Contains("中式烹调师", decision!.Of("R6").Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_declared_series_a_title_in_a_through_series_still_hides_the_level()
    {
        // The series a reviewer confirms can only be a 贯通 series (96/2.1), so a 工程 中级 held counts; an 经济 one does not.
        var engineering = Screen.All(Technician("中式烹调师").Title(TitleLevel.Intermediate, "2020-05-01", TitleSeries.Engineering));
        var economics = Screen.All(Technician("中式烹调师").Title(TitleLevel.Intermediate, "2020-05-01", TitleSeries.Economics));

        Assert.Null(Intermediate(engineering));
        Assert.NotNull(Intermediate(economics));
    }

    [Fact]
    public void The_default_series_is_an_explicit_opt_in_that_says_it_was_assumed()
    {
        Assert.Equal("", PolicyOptions.ProjectDefaults().DefaultSeries);
        var options = PolicyOptions.ProjectDefaults();
        options.DefaultSeries = "engineering";
        var rules = StatutoryRuleSet.Create(options);

        var decision = Intermediate(Screen.All(Technician("中式烹调师"), rules: rules));

        Assert.Equal(TitleSeries.Engineering, decision?.TargetSeries);
        var flag = Assert.Single(decision!.Of("R6"));
        Assert.Equal(FindingKind.Flag, flag.Kind);
        Assert.Contains("职业工种“中式烹调师”未声明专业对应关系，按配置的默认系列（DefaultSeries）审查工程系列", flag.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_green_channel_aims_at_the_declared_series_too()
    {
        var decisions = Screen.All(Technician("中式烹调师")
            .Honour(HonourKind.NationalTechnicalExpert, "2022-01-01"));

        Assert.All(
            decisions.Where(d => d.Path == ScreeningPath.GreenChannel),
            d => Assert.Null(d.TargetSeries));
        Assert.Contains(decisions, d => d.Path == ScreeningPath.GreenChannel);
    }
}
