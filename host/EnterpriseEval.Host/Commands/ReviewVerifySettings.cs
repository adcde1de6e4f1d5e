using System.ComponentModel;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary>Options of <c>eeval review verify</c>.</summary>
internal sealed class ReviewVerifySettings : ReviewSettings
{
    [CommandOption("--anchor <COUNT:HASH>")]
    [Description("可选：通知书或归档清单上印的审计链锚点（条数:哈希）；库中审计链短于它或该条哈希不同即判为被截断或回滚。")]
    public string? Anchor { get; init; }
}
