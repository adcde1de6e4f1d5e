using System.ComponentModel;
using EnterpriseEval.Workflow.Generation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary>Options of <c>eeval generate</c>.</summary>
internal sealed class GenerateSettings : CommandSettings
{
    [CommandOption("-n|--employees <N>")]
    [Description("生成的员工人数（employees.csv 的行数，含约千分之一的故意错误行）。")]
    public int? Employees { get; init; }

    [CommandOption("-s|--seed <S>")]
    [Description("随机种子。人数与种子相同，生成的文件逐字节相同。默认：1。")]
    [DefaultValue(1)]
    public int Seed { get; init; } = 1;

    [CommandOption("-o|--out <DIR>")]
    [Description("输出的花名册文件夹（不存在时自动创建，同名文件将被覆盖），可直接用于 eeval screen --roster。")]
    public string? Out { get; init; }

    public override ValidationResult Validate()
    {
        if (Employees is not { } n)
        {
            return ValidationResult.Error("请用 --employees 指定员工人数。");
        }

        if (n is < 1 or > GenerationRequest.MaxEmployees)
        {
            return ValidationResult.Error($"--employees 应为 1 至 {GenerationRequest.MaxEmployees:N0} 之间的整数，收到：{n}");
        }

        return string.IsNullOrWhiteSpace(Out)
            ? ValidationResult.Error("请用 --out 指定输出的花名册文件夹。")
            : ValidationResult.Success();
    }
}
