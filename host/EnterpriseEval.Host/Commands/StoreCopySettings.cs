using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary>Options of <c>eeval store copy</c> (docs/store.md, "Copying a store").</summary>
internal sealed class StoreCopySettings : CommandSettings
{
    [CommandOption("--from <STORE>")]
    [Description("要复制的评审数据库（须已存在）：SQLite 文件路径，或 postgres:Host=主机;Database=库名;Username=用户名（也可写作 postgresql://用户名@主机:端口/库名）。密码请用环境变量 PGPASSWORD 或 ~/.pgpass 提供，不要写在命令行上。")]
    public string? From { get; init; }

    [CommandOption("--to <STORE>")]
    [Description("复制到：尚不存在的 SQLite 文件（所在文件夹须已存在），或空的 PostgreSQL 数据库（postgres:… 或 postgresql://…）。已有记录（审计记录、账户等）的库一律拒绝。")]
    public string? To { get; init; }

    [CommandOption("-c|--config <FILE>")]
    [Description("附加配置文件（JSON），如审计密钥文件 EnterpriseEval:Review:AuditKeyFile（复制后校验目标库时用）、等待写锁的时间 EnterpriseEval:Review:BusyTimeoutSeconds。")]
    public string? Config { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(From))
        {
            return ValidationResult.Error("缺少 --from：要复制的评审数据库（SQLite 文件，或 postgres:Host=…;Database=…）。");
        }

        if (string.IsNullOrWhiteSpace(To))
        {
            return ValidationResult.Error("缺少 --to：复制到的评审数据库（尚不存在的 SQLite 文件，或空的 PostgreSQL 数据库 postgres:Host=…;Database=…）。");
        }

        return ValidationResult.Success();
    }
}
