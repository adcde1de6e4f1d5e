using EnterpriseEval.Host.Tests.Support;

namespace EnterpriseEval.Host.Tests.Commands;

/// <summary>
/// <c>eeval test</c> (docs/test-cases.md): runs case files, shows what a failing case expected and got with the
/// decision's findings, and says where a case file is wrong.
/// </summary>
public sealed class TestCommandTests
{
    private const string Employee = "员工: {工号: E1, 姓名: 张三, 入职日期: 2010-03-01, 岗位类别: 技能岗位, 是否一线: 是, 职业工种: 车工}";

    [Fact]
    public async Task A_failing_case_prints_the_path_what_was_expected_what_came_and_the_findings()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("r1.yaml"), $"""
            截止日期: 2026-12-31
            用例:
              - 名称: 恰满2年
                {Employee}
                技能证书:
                  - {"{"}等级: 高级工, 职业工种: 车工, 发证日期: 2024-12-31{"}"}
                年度考核: [{"{"}年度: 2023, 考核结果: 合格{"}"}, {"{"}年度: 2024, 考核结果: 合格{"}"}, {"{"}年度: 2025, 考核结果: 合格{"}"}]
                预期:
                  技能人才评职称: {"{"}级别: 助理级, 结论: 符合{"}"}
              - 名称: 差一天满2年却预期符合
                {Employee}
                技能证书:
                  - {"{"}等级: 高级工, 职业工种: 车工, 发证日期: 2025-01-01{"}"}
                年度考核: [{"{"}年度: 2023, 考核结果: 合格{"}"}, {"{"}年度: 2024, 考核结果: 合格{"}"}, {"{"}年度: 2025, 考核结果: 合格{"}"}]
                预期:
                  技能人才评职称: {"{"}级别: 助理级, 结论: 符合, 最早可申报日期: 无{"}"}
            """);

        var run = await CliRun.Of(["test", folder.Path]);

        Assert.True(run.ExitCode == 1, run.Output);
        Assert.Contains("通过 恰满2年", Flat(run.Output));
        Assert.Contains("未通过：", Flat(run.Output));
        Assert.Contains("r1.yaml：差一天满2年却预期符合", Flat(run.Output));
        Assert.Contains("路径：技能人才评职称（skill_to_title）", Flat(run.Output));
        Assert.Contains("结论（助理级）　预期：符合条件　实际：暂不符合", Flat(run.Output));
        Assert.Contains("最早可申报日期（助理级）　预期：无　实际：2027-01-01", Flat(run.Output));

        // The findings of that decision: rule id, clause and sentence.
        Assert.Contains("R1　不满足　96/2.2.1", Flat(run.Output));
        Assert.Contains("持有高级工职业技能等级证书（车工，2025年1月1日发证），未登记工作经历", Flat(run.Output));
        Assert.Contains("R4　满足　96/2.2.1", Flat(run.Output));
        Assert.Contains("用例 2 个：通过 1 个，未通过 1 个，出错 0 个。", Flat(run.Output));
    }

    [Fact]
    public async Task The_statutory_case_files_of_the_repository_pass()
    {
        var run = await CliRun.Of(["test", Path.Combine(RepoPaths.Root, "cases", "statutory")]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("未通过 0 个，出错 0 个", Flat(run.Output));
    }

    [Fact]
    public async Task The_shipped_plugins_case_files_pass_with_their_plugins_in_the_worker()
    {
        var plugins = Path.Combine(RepoPaths.Root, "artifacts", "plugins");
        var run = await CliRun.Of(
            ["test", Path.Combine(RepoPaths.Root, "plugins", "Ganjiang.HeavyMachinery", "cases"), Path.Combine(RepoPaths.Root, "plugins", "Ganpower.PowerSupply", "cases"), "--plugins", plugins]);

        // Every case of both files ran and passed (counted from the files, so a case added there is counted here).
        var cases = Directory.GetFiles(Path.Combine(RepoPaths.Root, "plugins"), "*.yaml", SearchOption.AllDirectories)
            .Sum(file => File.ReadAllLines(file).Count(line => line.TrimStart().StartsWith("- 名称:", StringComparison.Ordinal)));
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains($"用例 {cases} 个：通过 {cases} 个", Flat(run.Output));
    }

    [Fact]
    public async Task An_invalid_case_file_exits_2_naming_file_line_and_column()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("bad.yaml"), "用例:\n  - 名称: 甲\n    员工: {工号: E1, 姓名: 张三\n    预期: {技能人才评职称: 符合}\n");

        var run = await CliRun.Of(["test", folder.File("bad.yaml")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("用例文件有误：", Flat(run.Output));
        Assert.Matches(@"bad\.yaml（第 \d+ 行，第 \d+ 列）：不是有效的 YAML", Flat(run.Output));
    }

    [Fact]
    public async Task An_unknown_key_exits_2_naming_its_line_and_column()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("typo.yaml"), $"截止日期: 2026-12-31\n用例:\n  - 名称: 甲\n    {Employee}\n    预其:\n      技能人才评职称: 符合\n");

        var run = await CliRun.Of(["test", folder.File("typo.yaml")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("typo.yaml（第 5 行，第 5 列）：无法识别的键“预其”", Flat(run.Output));
    }

    [Fact]
    public async Task A_fact_the_roster_rejects_is_a_case_error_naming_the_file_the_case_and_the_column()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("dates.yaml"), """
            截止日期: 2026-12-31
            用例:
              - 名称: 证书日期写错
                员工: {工号: E1, 姓名: 张三, 入职日期: 2010-03-01, 岗位类别: 技能岗位, 是否一线: 是}
                技能证书:
                  - {等级: 高级工, 发证日期: 2024-02-30}
                预期:
                  技能人才评职称: 符合
            """);

        var run = await CliRun.Of(["test", folder.Path]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("用例出错：", Flat(run.Output));
        Assert.Contains("dates.yaml（第 6 行）：用例“证书日期写错”：技能证书第 1 行的“发证日期”列值“2024-02-30”未被花名册读取程序接受", Flat(run.Output));
        Assert.Contains("出错 1 个", Flat(run.Output));
    }

    [Fact]
    public async Task A_case_that_names_a_plugin_missing_from_the_folder_is_a_case_error()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("p.yaml"), $"截止日期: 2026-12-31\n插件: [no-such-plugin]\n用例:\n  - 名称: 甲\n    {Employee}\n    预期:\n      技能人才评职称: 无判定\n");

        var run = await CliRun.Of(["test", folder.Path, "--plugins", Path.Combine(RepoPaths.Root, "artifacts", "plugins")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("中没有编号为 no-such-plugin 的插件", Flat(run.Output));
    }

    // The console wraps long lines (a full-width character is two columns wide): compared without the line breaks.
    private static string Flat(string output) => output.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
}
