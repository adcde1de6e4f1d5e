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

    // The record notes up to four rows in one number when they are set (EmployeeRecord.TryGetAssessmentRows), and R4
    // reads that instead of the rows; longer lists are read row by row. Both must say the same for every combination of
    // the three years, with a repeated year (the first row counts) and with rows outside the window.
    [Fact]
    public void Rows_the_record_noted_in_one_number_read_as_the_same_rows_read_one_by_one()
    {
        AssessmentResult?[] states = [null, AssessmentResult.Excellent, AssessmentResult.Qualified, AssessmentResult.BasicallyQualified, AssessmentResult.Unqualified];
        var record = Technician().Build();
        var first = Screen.DefaultCutOff.Year - 3;
        var compared = 0;
        foreach (var a in states)
        {
            foreach (var b in states)
            {
                foreach (var c in states)
                {
                    AssessmentResult?[] years = [a, b, c];
                    var rows = Enumerable.Range(0, 3).Where(i => years[i] is not null)
                        .Select(i => new Assessment { Year = first + i, Result = years[i]!.Value }).ToList();

                    // The same year again, later in the file, with the opposite verdict: it must not count.
                    if (rows.Count is > 0 and < 4)
                    {
                        var again = rows[0].Result is AssessmentResult.Unqualified ? AssessmentResult.Excellent : AssessmentResult.Unqualified;
                        rows.Add(new Assessment { Year = rows[0].Year, Result = again });
                    }

                    // Padded past four rows with years outside the window (before it and the cut-off's own year).
                    List<Assessment> padded = [.. Enumerable.Range(first - 4, 4).Select(y => new Assessment { Year = y, Result = AssessmentResult.Unqualified }), .. rows,
                        new() { Year = first + 3, Result = AssessmentResult.Unqualified }];
                    Assert.True(padded.Count > 4);

                    // As the roster reader hands them: arrays.
                    var noted = (record with { Assessments = rows.ToArray() }).TryGetAssessmentRows(out _);
                    Assert.True(noted, $"{rows.Count} rows");
                    Assert.False((record with { Assessments = padded.ToArray() }).TryGetAssessmentRows(out _));

                    var fromNumber = Assert.Single(Screen.Defaults.Screen(record with { Assessments = rows.ToArray() }, Screen.DefaultCutOff));
                    var fromRows = Assert.Single(Screen.Defaults.Screen(record with { Assessments = padded.ToArray() }, Screen.DefaultCutOff));
                    Assert.Equal(fromRows.Outcome, fromNumber.Outcome);
                    Assert.Equal(fromRows.Of("R4").Select(f => (f.Kind, f.Message)), fromNumber.Of("R4").Select(f => (f.Kind, f.Message)));
                    compared++;
                }
            }
        }

        Assert.Equal(125, compared);
    }

    // A list (not an array) may still be changed by whoever holds it: it is read when the rules run, never noted.
    [Fact]
    public void Rows_handed_as_a_list_are_read_as_they_are_when_the_rules_run()
    {
        var record = Technician().Build();
        var first = Screen.DefaultCutOff.Year - 3;
        var rows = Enumerable.Range(first, 3).Select(y => new Assessment { Year = y, Result = AssessmentResult.Qualified }).ToList();
        var screened = record with { Assessments = rows };
        Assert.False(screened.TryGetAssessmentRows(out _));
        Assert.Equal(Outcome.Eligible, Assert.Single(Screen.Defaults.Screen(screened, Screen.DefaultCutOff)).Outcome);

        rows[1] = new Assessment { Year = first + 1, Result = AssessmentResult.Unqualified };
        var decision = Assert.Single(Screen.Defaults.Screen(screened, Screen.DefaultCutOff));
        Assert.Equal(Outcome.NotEligible, decision.Outcome);
        Assert.Contains($"{first + 1}年度为不合格", Assert.Single(decision.Of("R4")).Message, StringComparison.Ordinal);
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
