using System.ComponentModel;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary>Options every <c>eeval review</c> command shares: the store, who runs it, extra configuration.</summary>
internal class ReviewSettings : CommandSettings
{
    [CommandOption("-s|--store <STORE>")]
    [Description("评审数据库：SQLite 文件路径，或 PostgreSQL 数据库 postgres:Host=主机;Database=库名;Username=用户名（也可写作 postgresql://用户名@主机:端口/库名；密码用环境变量 PGPASSWORD 或 ~/.pgpass 提供）。只有 review new 会新建它。省略时使用配置项 EnterpriseEval:Store（Provider、ConnectionString），未配置则为 SQLite 文件 EnterpriseEval:Review:Store（默认 eeval-review.db）。见 docs/store.md。")]
    public string? Store { get; init; }

    [CommandOption("-u|--user <NAME>")]
    [Description("操作人，记入审计日志。省略时取当前系统用户名。")]
    public string? User { get; init; }

    [CommandOption("-c|--config <FILE>")]
    [Description("附加配置文件（JSON），如节假日 EnterpriseEval:Review:Holidays、表决规则、插件选项。")]
    public string? Config { get; init; }

    public string UserName => string.IsNullOrWhiteSpace(User) ? Environment.UserName : User.Trim();
}
