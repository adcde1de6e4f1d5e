using System.ComponentModel;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary>Options of <c>eeval review rekey</c>.</summary>
internal sealed class ReviewRekeySettings : ReviewSettings
{
    [CommandOption("--old-key-file <FILE>")]
    [Description("换签前签名所用的旧审计密钥文件；新密钥为当前配置的密钥（未配置且默认密钥文件不存在时自动创建）。")]
    public string? OldKeyFile { get; init; }
}
