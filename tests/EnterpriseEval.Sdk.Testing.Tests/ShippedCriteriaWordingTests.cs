using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Testing.Tests;

/// <summary>
/// The sentences the shipped plug-ins' heaviest criteria write, word for word, on the published plug-ins: what a
/// reviewer reads in decisions.csv. Each expected sentence is spelt out from the firm's regulation and the data, not
/// taken from a run.
/// </summary>
public sealed class ShippedCriteriaWordingTests
{
    private static readonly string Repository = FindRepository();
    private static readonly DateOnly CutOff = new(2026, 12, 31);

    [Fact]
    public void Ganpower_score_lists_every_achievement_by_the_cut_off_in_date_order_with_caps_and_unscored_kinds()
    {
        using var host = PluginTestHost.FromFolder(Path.Combine(Repository, "artifacts", "plugins", "ganpower-supply"));
        var employee = Worker("GP01", "GDGD")
            .WithAchievement("技术报告", new DateOnly(2025, 3, 1))
            .WithAchievement("竞赛获奖", new DateOnly(2024, 10, 1), rank: "省级二等奖")
            .WithAchievement("技术报告", new DateOnly(2023, 3, 1))
            .WithAchievement("论文", new DateOnly(2025, 1, 1), rank: "核心期刊")
            .WithAchievement("技术报告", new DateOnly(2024, 3, 1))
            .WithAchievement("专利", new DateOnly(2027, 1, 1), rank: "发明")
            .Build();
        var none = Worker("GP02", "GDGD").Build();
        var enough = Worker("GP03", "GDGD")
            .WithAchievement("专利", new DateOnly(2025, 5, 1), rank: "发明")
            .WithAchievement(" 竞赛获奖 ", new DateOnly(2024, 10, 1), rank: "省级二等奖")
            .Build();

        var run = host.Screen([employee, none, enough], CutOff);

        // 细则第九条: 技术报告 5 points each, at most 10 in all; 省级二等奖 30; 论文 is not in the table; the patent after the
        // cut-off is not seen. 5 + 30 + 5 + 0 = 40, under the pass mark of 60.
        Assert.Equal(
            "业绩评审积分40分（2023年技术报告5分、2024年技术报告5分、2024年竞赛获奖（省级二等奖）30分、2025年论文（核心期刊）不在计分表中，未计分、" +
            "2025年技术报告5分（该类上限10分，计0分）），未达到合格线60分",
            Sentence(run, "GP01", "GP-SCORE", FindingKind.Failed));
        Assert.Equal("业绩评审积分0分（截止日前无业绩成果记录），未达到合格线60分", Sentence(run, "GP02", "GP-SCORE", FindingKind.Failed));
        Assert.Equal(
            "业绩评审积分60分（2024年竞赛获奖（省级二等奖）30分、2025年专利（发明）30分），达到合格线60分",
            Sentence(run, "GP03", "GP-SCORE", FindingKind.Met));
    }

    [Fact]
    public void Ganjiang_continuing_education_names_the_short_years_the_missing_years_or_all_three()
    {
        using var host = PluginTestHost.FromFolder(Path.Combine(Repository, "artifacts", "plugins", "ganjiang-heavy"));

        var run = host.ScreenRoster(Path.Combine(Repository, "samples", "rosters", "ganjiang-heavy"), CutOff);

        // 办法第十二条: at least 72 hours in each of the three years before the cut-off's year (samples/rosters/ganjiang-heavy,
        // README.md and continuing_education.csv): HM0012 60 hours in 2024, HM0013 no row for 2025, HM0003 104/72/72.
        Assert.Equal("继续教育学时2024年度60学时，低于每年72学时的要求", Sentence(run, "HM0012", "GJ-CE", FindingKind.Failed));
        Assert.Equal("缺少2025年度的继续教育学时记录，无法确认每年不少于72学时", Sentence(run, "HM0013", "GJ-CE", FindingKind.NeedsReview));
        Assert.Equal("继续教育学时2023年度104学时，2024年度72学时，2025年度72学时，均不少于每年72学时", Sentence(run, "HM0003", "GJ-CE", FindingKind.Met));
    }

    // The criteria write their sentences into a builder each thread reuses: a sentence longer than its first buffer
    // (1,024 characters) must come out whole, and the sentences written after it on the same thread must not carry any
    // of it.
    [Fact]
    public void Ganpower_score_writes_a_sentence_of_many_lines_whole_and_the_next_employees_sentences_unchanged()
    {
        using var host = PluginTestHost.FromFolder(Path.Combine(Repository, "artifacts", "plugins", "ganpower-supply"));
        var many = Worker("GP10", "GDGD");
        for (var year = 1990; year <= 2025; year++)
        {
            many = many.WithAchievement("技术报告", new DateOnly(year, 3, 1));
            many = many.WithAchievement("论文", new DateOnly(year, 6, 1), rank: "核心期刊");
        }

        var enough = Worker("GP11", "GDGD")
            .WithAchievement("专利", new DateOnly(2025, 5, 1), rank: "发明")
            .WithAchievement("竞赛获奖", new DateOnly(2024, 10, 1), rank: "省级二等奖")
            .Build();
        var none = Worker("GP12", "GDGD").Build();

        var run = host.Screen([many.Build(), enough, none], CutOff);

        // 细则第九条: 技术报告 5 points each, at most 10 in all (the first two count); 论文 is not in the table.
        var lines = new List<string>();
        for (var year = 1990; year <= 2025; year++)
        {
            lines.Add(year < 1992 ? $"{year}年技术报告5分" : $"{year}年技术报告5分（该类上限10分，计0分）");
            lines.Add($"{year}年论文（核心期刊）不在计分表中，未计分");
        }

        var expected = $"业绩评审积分10分（{string.Join("、", lines)}），未达到合格线60分";
        Assert.True(expected.Length > 1024, $"the sentence has {expected.Length} characters");
        Assert.Equal(expected, Sentence(run, "GP10", "GP-SCORE", FindingKind.Failed));
        Assert.Equal(
            "业绩评审积分60分（2024年竞赛获奖（省级二等奖）30分、2025年专利（发明）30分），达到合格线60分",
            Sentence(run, "GP11", "GP-SCORE", FindingKind.Met));
        Assert.Equal("业绩评审积分0分（截止日前无业绩成果记录），未达到合格线60分", Sentence(run, "GP12", "GP-SCORE", FindingKind.Failed));
    }

    [Fact]
    public void Ganjiang_mentoring_names_each_apprentice_once_and_counts_only_those_taken_on_by_the_cut_off()
    {
        using var host = PluginTestHost.FromFolder(Path.Combine(Repository, "artifacts", "plugins", "ganjiang-heavy"));

        var run = host.ScreenRoster(Path.Combine(Repository, "samples", "rosters", "ganjiang-heavy"), CutOff);

        // 办法第十三条: a 技师 asking for 中级 has taken on at least 2 apprentices (samples/rosters/ganjiang-heavy, README.md
        // and apprentices.csv): HM0026 has two agreements with 何佳 (counted once), HM0027's second apprentice starts after
        // the cut-off, HM0028 has none, HM0060's 宋文涛 has no id and counts by name.
        Assert.Equal(
            "截至2026年12月31日带徒3名（何佳、蔡明、温建平），达到技师申报中级须带徒2名以上的要求",
            Sentence(run, "HM0026", "GJ-MENTOR", FindingKind.Met, TitleLevel.Intermediate));
        Assert.Equal("截至2026年12月31日带徒1名（邱晨），技师申报中级须带徒2名以上", Sentence(run, "HM0027", "GJ-MENTOR", FindingKind.Failed, TitleLevel.Intermediate));
        Assert.Equal("截至2026年12月31日无带徒记录，技师申报中级须带徒2名以上", Sentence(run, "HM0028", "GJ-MENTOR", FindingKind.Failed, TitleLevel.Intermediate));
        Assert.Equal(
            "截至2026年12月31日带徒2名（廖志鹏、宋文涛），达到技师申报中级须带徒2名以上的要求",
            Sentence(run, "HM0060", "GJ-MENTOR", FindingKind.Met, TitleLevel.Intermediate));
    }

    // A 高级工 in a skill post since 2012, assessed qualified for three years: the skill-to-title path opens at 助理级.
    private static EmployeeBuilder Worker(string id, string enterprise) => EmployeeBuilder.Create(id)
        .InEnterprise(enterprise)
        .InSkillPost("变电检修工")
        .HiredOn(2012, 3, 1)
        .WithCertificate(SkillLevel.SeniorWorker, "变电检修工", new DateOnly(2018, 6, 1))
        .WithAssessments(AssessmentResult.Qualified, 2023, 2024, 2025);

    // The criterion's sentence on the employee's first skill-to-title decision, without the clause the message ends with.
    private static string Sentence(ScreeningRun run, string employeeId, string ruleId, FindingKind kind, TitleLevel? level = null)
    {
        var decision = run.DecisionsFor(employeeId).First(d => d.Path == ScreeningPath.SkillToTitle && (level is null || d.TargetTitleLevel == level));
        var finding = Assert.Single(decision.Findings, f => f.RuleId == ruleId);
        Assert.Equal(kind, finding.Kind);
        var clause = $"（{finding.Clause}）";
        Assert.EndsWith(clause, finding.Message, StringComparison.Ordinal);
        return finding.Message[..^clause.Length];
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EnterpriseEval.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EnterpriseEval.sln not found above " + AppContext.BaseDirectory);
    }
}
