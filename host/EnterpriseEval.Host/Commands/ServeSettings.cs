using System.ComponentModel;
using System.Globalization;
using EnterpriseEval.Service;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary>Options of <c>eeval serve</c> (docs/service.md, "Starting").</summary>
internal sealed class ServeSettings : CommandSettings
{
    [CommandOption("--urls <URLS>")]
    [Description("监听地址，多个用分号分隔。默认 http://localhost:5080（只监听本机）；在内网提供服务时须明确指定，并建议置于 HTTPS 反向代理之后。")]
    public string? Urls { get; init; }

    [CommandOption("--port <PORT>")]
    [Description("只监听本机（127.0.0.1）的端口，等同 --urls http://127.0.0.1:PORT；0 表示由系统分配。不能与 --urls 同用。")]
    public int? Port { get; init; }

    [CommandOption("-s|--store <STORE>")]
    [Description("评审数据库，账户、评审批次与筛查任务都在其中：SQLite 文件路径，或 PostgreSQL 数据库 postgres:Host=主机;Database=库名;Username=用户名（也可写作 postgresql://…；密码用环境变量 PGPASSWORD 或 ~/.pgpass 提供）；不存在时创建。省略时使用配置项 EnterpriseEval:Store（Provider、ConnectionString），未配置则为 SQLite 文件 EnterpriseEval:Review:Store。多个服务实例共用一个 PostgreSQL 库，见 docs/store.md 与 docs/service.md。")]
    public string? Store { get; init; }

    [CommandOption("-p|--plugins <DIR>")]
    [Description("插件文件夹（每个插件一个子文件夹，含 plugin.json）。省略时使用配置项 EnterpriseEval:Plugins:Directory，未配置则只按法定规则筛查。")]
    public string? Plugins { get; init; }

    [CommandOption("-c|--config <FILE>")]
    [Description("附加配置文件（JSON），如自主评审授权 EnterpriseEval:Authorisation、节假日、插件选项、服务上限 EnterpriseEval:Service。")]
    public string? Config { get; init; }

    [CommandOption("--demo")]
    [Description("在新的（空的）评审数据库中建立演示数据：示例花名册及其筛查、进行到业绩评分的评审批次、每个角色一个账户（密码随机生成，只显示一次）。")]
    public bool Demo { get; init; }

    public string ListenUrls => Port is { } port ? string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}") : Urls ?? ServeArguments.DefaultUrls;

    public override ValidationResult Validate()
    {
        if (Port is not null && Urls is not null)
        {
            return ValidationResult.Error("--port 与 --urls 只能用其一。");
        }

        if (Port is < 0 or > 65535)
        {
            return ValidationResult.Error($"--port 应为 0–65535，收到：{Port}");
        }

        foreach (var url in ListenUrls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https"))
            {
                return ValidationResult.Error($"--urls 中的地址“{url}”无效：应为 http://主机:端口 或 https://主机:端口");
            }
        }

        return ValidationResult.Success();
    }
}
