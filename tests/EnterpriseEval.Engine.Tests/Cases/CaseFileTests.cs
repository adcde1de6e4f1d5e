using EnterpriseEval.Engine.Cases;
using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Tests.Cases;

/// <summary>The case-file reader (docs/test-cases.md): keys in English or Chinese, file defaults, and every mistake named by line and column.</summary>
public sealed class CaseFileTests
{
    private const string Employee = "员工: {工号: E1, 姓名: 张三, 入职日期: 2010-03-01, 岗位类别: 技能岗位, 是否一线: 是}";

    [Fact]
    public void English_and_Chinese_keys_read_alike_and_the_file_gives_its_defaults()
    {
        var cases = CaseFile.Parse("c.yaml", $"""
            截止日期: 2026年12月31日
            plugins: [acme-plugin]
            options: {"{"}Plugins:acme-plugin:MinimumServiceYears: 2{"}"}
            cases:
              - name: 甲
                {Employee}
                expect:
                  skill_to_title: {"{"}outcome: eligible, level: assistant, rules: [R1]{"}"}
              - 名称: 乙
                as_of: 2027/6/30
                插件: []
                配置:
                  EnterpriseEval:Policy:DefaultSeries: 工程
                {Employee}
                预期:
                  技能人才评职称:
                    - {"{"}级别: 中级, 结论: 暂不符合, 最早可申报日期: 2027-07-01, 不含规则: [R12]{"}"}
                    - 无判定
            """);

        Assert.Equal(2, cases.Count);
        var first = cases[0];
        Assert.Equal(new DateOnly(2026, 12, 31), first.AsOf);
        Assert.Equal(["acme-plugin"], first.Plugins);
        Assert.Equal("2", first.Options["Plugins:acme-plugin:MinimumServiceYears"]);
        var e = Assert.Single(first.Expectations);
        Assert.Equal((ScreeningPath.SkillToTitle, Outcome.Eligible, "assistant"), (e.Path, e.Outcome, e.Level));

        var second = cases[1];
        Assert.Equal(new DateOnly(2027, 6, 30), second.AsOf);
        Assert.Empty(second.Plugins);
        Assert.Equal("工程", second.Options["EnterpriseEval:Policy:DefaultSeries"]);
        Assert.Equal("2", second.Options["Plugins:acme-plugin:MinimumServiceYears"]);
        Assert.Equal(new DateOnly(2027, 7, 1), second.Expectations[0].EarliestEligibleOn);
        Assert.Equal(["R12"], second.Expectations[0].AbsentRules);
        Assert.True(second.Expectations[1].NoDecision);
    }

    [Theory]
    [InlineData("预期: {技能人才评职位: 符合}", 6, "无法识别的路径“技能人才评职位”")]
    [InlineData("预期: {技能人才评职称: 大概符合}", 6, "无法识别的结论“大概符合”")]
    [InlineData("预期: {技能人才评职称: {级别: 八级}}", 6, "无法识别的级别“八级”")]
    [InlineData("预期: {技能人才评职称: {最早可申报日期: 2027-02-30}}", 6, "最早可申报日期） 的日期无法识别")]
    [InlineData("预期: {技能人才评职称: {结论: 符合, 备注: 甲}}", 6, "路径的预期中无法识别的键“备注”")]
    [InlineData("职称: 工程", 6, "职称 应为行的列表")]
    public void A_mistake_in_a_case_is_named_with_its_line_and_column(string line, int lineNumber, string problem)
    {
        var yaml = $"截止日期: 2026-12-31\n用例:\n  - 名称: 甲\n    {Employee}\n    预期: {{技能人才评职称: 符合}}\n    {line}\n";
        if (line.StartsWith("预期", StringComparison.Ordinal))
        {
            yaml = $"截止日期: 2026-12-31\n用例:\n  - 名称: 甲\n    {Employee}\n    说明: 乙\n    {line}\n";
        }

        var e = Assert.Throws<CaseFileException>(() => CaseFile.Parse("c.yaml", yaml));

        Assert.Equal(lineNumber, e.Line);
        Assert.True(e.Column > 0);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"c.yaml（第 {lineNumber} 行，第 {e.Column} 列）：", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_cases_of_one_name_and_a_case_without_a_cut_off_are_refused()
    {
        var twice = Assert.Throws<CaseFileException>(() => CaseFile.Parse("c.yaml",
            $"截止日期: 2026-12-31\n用例:\n  - 名称: 甲\n    {Employee}\n    预期: {{技能人才评职称: 符合}}\n  - 名称: 甲\n    {Employee}\n    预期: {{技能人才评职称: 符合}}\n"));
        Assert.Equal(6, twice.Line);
        Assert.Contains("用例名称“甲”在本文件中重复", twice.Message, StringComparison.Ordinal);

        var noDate = Assert.Throws<CaseFileException>(() => CaseFile.Parse("c.yaml",
            $"用例:\n  - 名称: 甲\n    {Employee}\n    预期: {{技能人才评职称: 符合}}\n"));
        Assert.Contains("缺少 as_of（截止日期）", noDate.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Facts_are_left_to_the_roster_reader_and_the_employee_id_is_filled_in()
    {
        var testCase = Assert.Single(CaseFile.Parse("c.yaml", """
            截止日期: 2026-12-31
            用例:
              - 名称: 甲
                员工: {姓名: 张三, 入职日期: 不是日期, 岗位类别: 技能岗位, 是否一线: 是}
                技能证书:
                  - {等级: 高级工, 发证日期: 2015-05-20}
                预期: {技能人才评职称: 符合}
            """));

        // The bad hire date is the roster reader's to reject when the case runs, naming the case and the column.
        var result = new CaseRunner().Run(testCase);

        Assert.Equal(CaseStatus.Error, result.Status);
        Assert.Contains("c.yaml（第 4 行）：用例“甲”：员工的“入职日期”列值“不是日期”未被花名册读取程序接受", result.Report, StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_that_does_not_convert_is_a_case_error_never_skipped()
    {
        // The configuration binder skips a bad entry of a table silently: 「三年」 would leave the default 3 years in force
        // and the case would pass for the wrong reason (docs/security.md, "Configuration").
        var testCase = Assert.Single(CaseFile.Parse("c.yaml", """
            截止日期: 2026-12-31
            用例:
              - 名称: 甲
                配置:
                  EnterpriseEval:Policy:CumulativeWorkYears:technician: 三年
                员工: {工号: E1, 姓名: 张三, 入职日期: 2010-03-01, 岗位类别: 技能岗位, 是否一线: 是}
                预期: {技能人才评职称: 无判定}
            """));

        var result = new CaseRunner().Run(testCase);

        Assert.Equal(CaseStatus.Error, result.Status);
        Assert.Contains("配置项 EnterpriseEval:Policy:CumulativeWorkYears:technician 的值“三年”不是整数", result.Report, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("截止日期: 2026-12-31\n用例:\n  - 名称: \"未闭合\n", "引号未闭合")]
    [InlineData("截止日期: 2026-12-31\n用例: a: b\n", "此处不能写“键: 值”")]
    [InlineData("截止日期: 2026-12-31\n\t用例: []\n", "缩进中有制表符")]
    public void A_yaml_mistake_is_said_in_chinese_with_its_line(string yaml, string said)
    {
        var e = Assert.Throws<CaseFileException>(() => CaseFile.Parse("c.yaml", yaml));

        Assert.Contains("不是有效的 YAML：" + said, e.Message, StringComparison.Ordinal);
        Assert.Contains("c.yaml（第 ", e.Message, StringComparison.Ordinal);
    }
}
