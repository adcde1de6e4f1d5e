using EnterpriseEval.Engine.Cases;
using EnterpriseEval.Sdk.Testing.Tests.Support;

namespace EnterpriseEval.Sdk.Testing.Tests;

/// <summary>
/// The kit runs the case files of docs/test-cases.md under <c>dotnet test</c>: the same files <c>eeval test</c> runs,
/// failing with the same Chinese report.
/// </summary>
public sealed class CaseFilesTests
{
    private static readonly string Repository = FindRepository();

    // Found by the kit itself: "cases/statutory" is looked for above the test's output folder.
    public static IEnumerable<object[]> StatutoryCases => CaseFiles.Load("cases/statutory");

    public static IEnumerable<object[]> GanjiangCases => CaseFiles.Load("plugins/Ganjiang.HeavyMachinery/cases");

    public static IEnumerable<object[]> GanpowerCases => CaseFiles.Load("plugins/Ganpower.PowerSupply/cases");

    [Theory]
    [MemberData(nameof(StatutoryCases))]
    public void The_statutory_boundary_cases_pass_under_the_kit(ScreeningCase testCase) => CaseFiles.Run(testCase);

    [Theory]
    [MemberData(nameof(GanjiangCases))]
    [MemberData(nameof(GanpowerCases))]
    public void The_shipped_plugins_cases_pass_with_the_published_plugins(ScreeningCase testCase) =>
        CaseFiles.Run(testCase, Path.Combine(Repository, "artifacts", "plugins"));

    [Fact]
    public void There_are_at_least_25_statutory_cases_and_every_one_cites_its_basis()
    {
        var cases = StatutoryCases.Select(row => (ScreeningCase)row[0]).ToList();

        Assert.True(cases.Count >= 25, $"{cases.Count} statutory cases");
        Assert.All(cases, c => Assert.Matches("96号|227号|docs/", c.Description));
    }

    [Fact]
    public void A_case_runs_with_a_referenced_plugin_composed_in_process()
    {
        var testCase = Parse("""
            用例:
              - 名称: 近3年有安全事故
                截止日期: 2026-12-31
                插件: [kit-sample]
                员工: {工号: E1, 姓名: 张三, 入职日期: 2010-03-01, 岗位类别: 技能岗位, 是否一线: 是, 职业工种: 车工}
                技能证书:
                  - {等级: 高级工, 职业工种: 车工, 发证日期: 2015-05-20}
                年度考核:
                  - {年度: 2023, 考核结果: 合格}
                  - {年度: 2024, 考核结果: 合格}
                  - {年度: 2025, 考核结果: 合格}
                其他文件:
                  safety_incidents:
                    - {year: 2025}
                预期:
                  技能人才评职称: {级别: 助理级, 结论: 暂不符合, 规则: [KIT-SAFETY]}
            """);

        var result = CaseFiles.Run<SamplePlugin>(testCase, KitPlugins.Folder(KitPlugins.Id));

        Assert.True(result.Passed);
    }

    [Fact]
    public void A_failing_case_fails_the_test_with_the_path_what_was_expected_what_came_and_the_findings()
    {
        var testCase = Parse("""
            截止日期: 2026-12-31
            用例:
              - 名称: 发证差一天满2年却预期符合
                员工: {工号: E1, 姓名: 张三, 入职日期: 2010-03-01, 岗位类别: 技能岗位, 是否一线: 是, 职业工种: 车工}
                技能证书:
                  - {等级: 高级工, 职业工种: 车工, 发证日期: 2025-01-01}
                预期:
                  技能人才评职称: {级别: 助理级, 结论: 符合}
            """);

        var e = Assert.Throws<PluginAssertionException>(() => CaseFiles.Run(testCase));

        Assert.Contains("未通过：cases.yaml：发证差一天满2年却预期符合", e.Message, StringComparison.Ordinal);
        Assert.Contains("路径：技能人才评职称（skill_to_title）", e.Message, StringComparison.Ordinal);
        Assert.Contains("预期：符合条件　实际：暂不符合", e.Message, StringComparison.Ordinal);
        Assert.Contains("R1　不满足　96/2.2.1" + Environment.NewLine + "      持有高级工职业技能等级证书", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_case_file_fails_loading_with_file_line_and_column()
    {
        var folder = Directory.CreateTempSubdirectory("eeval-cases-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "bad.yaml"), "用例:\n  - 名称: 甲\n    员工: {工号: E1\n");

            var e = Assert.Throws<PluginAssertionException>(() => CaseFiles.Load(folder).ToList());

            Assert.Contains("bad.yaml（第 ", e.Message, StringComparison.Ordinal);
            Assert.Contains("列）：不是有效的 YAML", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ScreeningCase Parse(string yaml) => Assert.Single(CaseFile.Parse("cases.yaml", yaml));

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EnterpriseEval.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EnterpriseEval.sln not found above the test output folder.");
    }
}
