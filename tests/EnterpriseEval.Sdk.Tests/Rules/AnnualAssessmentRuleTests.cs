using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Tests.Rules;

public sealed class AnnualAssessmentRuleTests
{
    private static EmployeeRecordBuilder Technician() =>
        new EmployeeRecordBuilder()
            .Certificate(SkillLevel.Technician, "2018-01-01")
            .Applies(ScreeningPath.SkillToTitle, TitleLevel.Intermediate);

    [Theory]
    [InlineData(AssessmentResult.BasicallyQualified, "基本合格")]
    [InlineData(AssessmentResult.Unqualified, "不合格")]
    public void A_year_below_qualified_fails(AssessmentResult result, string chinese)
    {
        var decision = Screen.One(Technician().Assessed(2024, result));

        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Null(decision.EarliestEligibleOn);
        Assert.Equal("R4", decision.RuleIds());
        Assert.Equal(
            $"近3年年度考核中2024年度为{chinese}，不符合近3年年度考核合格的要求（人社部发〔2020〕96号 二（二）1）",
            Assert.Single(decision.Of("R4")).Message);
    }

    [Fact]
    public void A_missing_year_needs_review()
    {
        var decision = Screen.One(Technician().NotAssessed(2024));

        Assert.Equal(Outcome.NeedsReview, decision.Outcome);
        Assert.Equal("R4", decision.RuleIds());
        Assert.Contains("缺少2024年度考核结果", Assert.Single(decision.Of("R4")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Excellent_and_qualified_years_are_met_and_listed()
    {
        var decision = Screen.One(Technician().Assessed(2024, AssessmentResult.Excellent));

        Assert.Equal(Outcome.Eligible, decision.Outcome);
        var met = Assert.Single(decision.Of("R4"));
        Assert.Equal(FindingKind.Met, met.Kind);
        Assert.Contains("2023年度合格、2024年度优秀、2025年度合格", met.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_last_three_years_are_the_calendar_years_before_the_cut_off_year()
    {
        // 2026 itself and 2022 are outside the window for a 2026 cut-off.
        var decision = Screen.One(
            Technician().Assessed(2026, AssessmentResult.Unqualified).Assessed(2022, AssessmentResult.Unqualified));

        Assert.Equal(Outcome.Eligible, decision.Outcome);
    }

    [Fact]
    public void A_bad_year_and_a_missing_year_are_both_reported()
    {
        var decision = Screen.One(Technician().Assessed(2023, AssessmentResult.Unqualified).NotAssessed(2025));

        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Equal(
            [FindingKind.Failed, FindingKind.NeedsReview],
            decision.Of("R4").Select(f => f.Kind));
    }

    [Fact]
    public void Of_two_rows_for_one_year_the_first_counts_as_the_roster_reader_keeps_it()
    {
        var record = Technician().Build();
        // A record built by hand (a plug-in's test, say) may hold any list, and may repeat a year.
        var assessments = new List<Assessment>(record.Assessments)
        {
            new() { Year = 2024, Result = AssessmentResult.Unqualified },
        };
        var first = Screen.Defaults.Screen(record with { Assessments = assessments }, Screen.DefaultCutOff);
        assessments.Insert(0, new Assessment { Year = 2024, Result = AssessmentResult.Unqualified });
        var unqualifiedFirst = Screen.Defaults.Screen(record with { Assessments = assessments }, Screen.DefaultCutOff);

        Assert.Equal(Outcome.Eligible, Assert.Single(first).Outcome);
        Assert.Equal(Outcome.NotEligible, Assert.Single(unqualifiedFirst).Outcome);
        Assert.Contains("2024年度为不合格", Assert.Single(Assert.Single(unqualifiedFirst).Of("R4")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_decision_of_an_employee_carries_the_same_assessment_findings()
    {
        var decisions = Screen.All(
            Technician()
                .Applies(ScreeningPath.SkillToTitle, TitleLevel.Assistant)
                .Assessed(2024, AssessmentResult.BasicallyQualified)
                .NotAssessed(2025));

        Assert.Equal(2, decisions.Count);
        Assert.All(decisions, d => Assert.Equal([FindingKind.Failed, FindingKind.NeedsReview], d.Of("R4").Select(f => f.Kind)));
        Assert.Equal(decisions[0].Of("R4").Select(f => f.Message), decisions[1].Of("R4").Select(f => f.Message));
    }
    [Fact]
    public void Every_combination_of_three_years_is_worded_as_the_clause_says_at_every_cut_off_and_shared_only_between_equals()
    {
        const string cite = "（人社部发〔2020〕96号 二（二）1）";
        AssessmentResult?[] states = [null, AssessmentResult.Excellent, AssessmentResult.Qualified, AssessmentResult.BasicallyQualified, AssessmentResult.Unqualified];
        var seen = new Dictionary<string, Finding>();

        // Two cut-off years, alternating, so that a table of one year never answers for the other.
        foreach (var cutOff in new[] { "2026-12-31", "2027-06-30", "2026-12-31" })
        {
            var first = EmployeeRecordBuilder.D(cutOff).Year - 3;
            foreach (var a in states)
            {
                foreach (var b in states)
                {
                    foreach (var c in states)
                    {
                        AssessmentResult?[] years = [a, b, c];
                        var employee = Technician();
                        for (var i = 0; i < 3; i++)
                        {
                            employee = years[i] is { } result ? employee.Assessed(first + i, result) : employee.NotAssessed(first + i);
                        }

                        var failed = Enumerable.Range(0, 3).Where(i => years[i] is AssessmentResult.BasicallyQualified or AssessmentResult.Unqualified)
                            .Select(i => $"{first + i}年度为{years[i]!.Value.ToChinese()}").ToList();
                        var missing = Enumerable.Range(0, 3).Where(i => years[i] is null).Select(i => $"{first + i}").ToList();
                        var expected = new List<string>();
                        if (failed.Count > 0)
                        {
                            expected.Add($"近3年年度考核中{string.Join("、", failed)}，不符合近3年年度考核合格的要求{cite}");
                        }

                        if (missing.Count > 0)
                        {
                            expected.Add($"缺少{string.Join("、", missing)}年度考核结果，无法确认近3年年度考核合格，请人工核实{cite}");
                        }

                        if (expected.Count == 0)
                        {
                            expected.Add($"近3年年度考核结果为{string.Join("、", Enumerable.Range(0, 3).Select(i => $"{first + i}年度{years[i]!.Value.ToChinese()}"))}，均为合格以上{cite}");
                        }

                        var r4 = Screen.One(employee, cutOff).Of("R4").ToList();
                        Assert.Equal(expected, r4.Select(f => f.Message));
                        Assert.Equal(failed.Count > 0 ? FindingKind.Failed : missing.Count > 0 ? FindingKind.NeedsReview : FindingKind.Met, r4[0].Kind);

                        // The same combination and cut-off gives the same finding, however many employees have it.
                        foreach (var finding in r4)
                        {
                            if (seen.TryGetValue(finding.Message, out var before))
                            {
                                Assert.Equal(before, finding);
                            }

                            seen[finding.Message] = finding;
                        }
                    }
                }
            }
        }
    }
}
