using System.Globalization;
using EnterpriseEval.Host.Cli.Isolation;
using EnterpriseEval.Host.Commands;
using EnterpriseEval.Engine;
using EnterpriseEval.Engine.Hosting;
using EnterpriseEval.Workflow.Review;
using EnterpriseEval.Engine.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Cli;

/// <summary>
/// The <c>eeval</c> command line: Spectre.Console.Cli parses and prints help (in Chinese); every command runs inside
/// the generic host, whose container resolves it.
/// </summary>
internal static class EevalApp
{
    /// <summary>Exit code when the job could not run (bad arguments, missing roster, bad configuration).</summary>
    public const int FailureExitCode = 2;

    /// <summary>Runs one command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="console">Where people-facing output goes.</param>
    /// <param name="configure">Test hook: extra services or configuration applied after the defaults.</param>
    /// <param name="cancellationToken">Ends a long-running command (e.g. <c>--watch</c>) as Ctrl+C does.</param>
    public static Task<int> RunAsync(
        string[] args,
        IAnsiConsole console,
        Action<HostApplicationBuilder>? configure = null,
        CancellationToken cancellationToken = default)
    {
        HostApplicationBuilder builder;
        try
        {
            builder = CreateHostBuilder(args, console);
        }
        catch (Exception e) when (e is UserFacingException or InvalidDataException or FormatException)
        {
            return Task.FromResult(Fail(console, e));
        }

        configure?.Invoke(builder);

        // A command that runs plug-in code runs whole in a worker process (docs/plugins.md, "Process isolation").
        try
        {
            if (PluginWorker.Wanted(args, builder.Configuration))
            {
                return PluginWorker.RunAsync(args, console, builder.Configuration, cancellationToken);
            }
        }
        catch (UserFacingException e)
        {
            return Task.FromResult(Fail(console, e));
        }

        var app = new CommandApp(new HostTypeRegistrar(builder));
        app.Configure(config =>
        {
            config.SetApplicationName("eeval");
            config.Settings.Culture = CultureInfo.GetCultureInfo("zh-Hans");
            config.ConfigureConsole(console);
            config.SetExceptionHandler((e, _) => Fail(console, e));

            config.AddCommand<ScreenCommand>("screen")
                .WithDescription("资格筛查：读取花名册，按人社部发〔2020〕96号逐人逐路径判定可申报的职称或技能等级，输出结果文件与汇总。")
                .WithExample("screen", "--roster", "samples/rosters/demo", "--out", "out/demo")
                .WithExample("screen", "--roster", "samples/rosters/demo", "--as-of", "2026-12-31")
                .WithExample("screen", "--roster", "samples/rosters/ganjiang-heavy", "--plugins", "artifacts/plugins");

            config.AddCommand<NoticesCommand>("notices")
                .WithDescription("生成文书：筛查花名册后，为相关人员生成岗位比照、薪酬调整、津贴发放、资格审查结果通知或评审结果公示（HTML 或 Markdown）。")
                .WithExample("notices", "--roster", "samples/rosters/demo", "--kind", "post_equivalence_notice", "--out", "out/notices")
                .WithExample("notices", "--roster", "samples/rosters/ganjiang-heavy", "--plugins", "artifacts/plugins", "--kind", "wage_notice", "--format", "md", "--out", "out/wage");

            config.AddBranch("review", review =>
            {
                review.SetDescription("自主评审：评审批次从资格筛查、业绩评分、评委会表决、公示、异议处理到发文的全过程，记入评审数据库与防篡改审计日志。");
                review.AddCommand<ReviewNewCommand>("new")
                    .WithDescription("建立评审批次：年度、系列与层级、截止日期，记录自主评审授权、插件（编号、版本、哈希）与规则集版本。")
                    .WithExample("review", "new", "--batch", "2026-工程", "--year", "2026", "--series", "engineering", "--levels", "assistant,intermediate", "--plugins", "artifacts/plugins/ganpower-supply");
                review.AddCommand<ReviewScreenCommand>("screen")
                    .WithDescription("资格筛查：把花名册（CSV 文件夹或 .xlsx）导入批次并逐人筛查，结论分批提交；中断后再次运行从断点继续。")
                    .WithExample("review", "screen", "--batch", "2026-工程", "--roster", "samples/rosters/ganpower");
                review.AddCommand<ReviewScoreCommand>("score")
                    .WithDescription("业绩评分：用插件的业绩积分模型为本批次候选人评分并存储。");
                review.AddCommand<ReviewVoteCommand>("vote")
                    .WithDescription("评委会表决：导入表决文件（CSV/XLSX），按出席人数2/3以上赞成、到会2/3以上有效（项目默认，人社部令第40号）判定。")
                    .WithExample("review", "vote", "--batch", "2026-工程", "--file", "samples/review/votes.csv", "--date", "2026-12-30");
                review.AddBranch("ballot", ballot =>
                {
                    ballot.SetDescription("无记名投票：代替导入表决文件，由评委在 eeval serve 中逐一投票；开启时选定评委会，结束时按表决规则计票。");
                    ballot.AddCommand<ReviewBallotOpenCommand>("open")
                        .WithDescription("开启无记名投票：业绩评分之后，以角色为评委的账户组成评委会（人数计入到会比例）。")
                        .WithExample("review", "ballot", "open", "--batch", "2026-工程", "--members", "zhao,qian,sun", "--date", "2026-12-28");
                    ballot.AddCommand<ReviewBallotCloseCommand>("close")
                        .WithDescription("结束无记名投票并计票：即本批次的评委会表决，结果与导入表决文件相同，选票封存入审计链。")
                        .WithExample("review", "ballot", "close", "--batch", "2026-工程", "--date", "2026-12-30");
                });
                review.AddCommand<ReviewPublicizeCommand>("publicize")
                    .WithDescription("公示：确定公示期（项目默认5个工作日，不计周末与节假日）并导出公示名单；--objection 登记公示期内的异议。");
                review.AddCommand<ReviewResolveCommand>("resolve")
                    .WithDescription("处理异议：对公示期内登记的异议作出结论——成立（--upheld，该候选人不予发文）或不成立（--dismissed，照常发文），写明理由，记入审计日志。")
                    .WithExample("review", "resolve", "--batch", "2026-工程", "--objection", "1", "--dismissed", "--reason", "经核实专利署名无误", "--date", "2027-01-07");
                review.AddCommand<ReviewIssueCommand>("issue")
                    .WithDescription("发文：公示期满且异议全部处理后，为通过且无成立异议的候选人生成通知书，并导出决策、评分、表决、公示 .xlsx；有未处理的异议时拒绝发文。");
                review.AddCommand<ReviewShowCommand>("show")
                    .WithDescription("查看批次状态与审计日志；--employee 查看某员工在批次中的全部记录。");
                review.AddCommand<ReviewReplayCommand>("replay")
                    .WithDescription("复现：用存储的花名册与记录的规则、插件版本重算，核对结论是否完全相同，不同则列出差异与原因。");
                review.AddCommand<ReviewVerifyCommand>("verify")
                    .WithDescription("校验：检查审计哈希链及其签名的链头、每条存储记录与已发文件，发现被截断、重封或改动的记录时指出其编号并以非零退出。")
                    .WithExample("review", "verify", "--store", "out/review/review.db", "--anchor", "12:3f5a0c9e1b2d");
                review.AddCommand<ReviewRekeyCommand>("rekey")
                    .WithDescription("换签：以旧审计密钥校验全部记录后，用当前配置的新密钥为审计链头签名（旧版本建立的库也用它首次签名）。")
                    .WithExample("review", "rekey", "--store", "out/review/review.db", "--old-key-file", "~/.config/eeval/audit-2026.key");
            });

            config.AddBranch("store", store =>
            {
                store.SetDescription("评审数据库：在 SQLite 与 PostgreSQL 之间迁移整个评审数据库（docs/store.md）。");
                store.AddCommand<StoreCopyCommand>("copy")
                    .WithDescription("复制评审数据库：把全部表与记录（审计链、签名的链头、账户、令牌、各批次数据，保留编号）复制到新的 SQLite 文件或空的 PostgreSQL 数据库，逐表显示进度，完成后校验目标库；目标已有记录时拒绝，失败时目标不留半成品。")
                    .WithExample("store", "copy", "--from", "out/review/review.db", "--to", "postgres:Host=db.example;Database=eeval;Username=eeval")
                    .WithExample("store", "copy", "--from", "postgresql://eeval@db.example/eeval", "--to", "backup/review-2027.db");
            });

            config.AddCommand<ServeCommand>("serve")
                .WithDescription("启动服务：HTTP API v1（/api/v1，JSON，OpenAPI 文档 /openapi/v1.json）供人事系统与各角色使用；本地账户登录或 API 令牌，默认只监听本机（docs/service.md）。")
                .WithExample("serve", "--demo", "--store", "out/demo/review.db", "--config", "samples/review/review.json", "--plugins", "artifacts/plugins/ganpower-supply")
                .WithExample("serve", "--store", "/srv/eeval/review.db", "--urls", "http://0.0.0.0:5080");

            config.AddCommand<TestCommand>("test")
                .WithDescription("运行测试用例：按用例文件（YAML，docs/test-cases.md）中员工的资料、截止日期、插件与配置筛查，与预期的结论、最早可申报日期、级别和规则逐条核对；不符时列出差异与该判定的规则结论。全部通过退出码 0，有未通过 1，用例文件有误 2。")
                .WithExample("test", "cases/statutory")
                .WithExample("test", "plugins/Ganjiang.HeavyMachinery/cases", "--plugins", "artifacts/plugins");

            config.AddCommand<GenerateCommand>("generate")
                .WithDescription("生成模拟花名册：按给定人数和随机种子生成符合花名册格式的员工数据（含插件所需文件和少量故意错误行），用于演示与性能测试。")
                .WithExample("generate", "--employees", "100000", "--seed", "42", "--out", "out/roster-100k");

            config.AddBranch("plugins", plugins =>
            {
                plugins.SetDescription("插件管理：查看与校验企业插件。");
                plugins.AddCommand<PluginsListCommand>("list")
                    .WithDescription("列出插件：编号、版本、企业、自主评审授权及其贡献的条件与对照表。")
                    .WithExample("plugins", "list", "--plugins", "artifacts/plugins");
                plugins.AddCommand<PluginsValidateCommand>("validate")
                    .WithDescription("校验插件：逐个加载、检查清单与授权、在样例上试运行每个条件；有问题时以非零退出。")
                    .WithExample("plugins", "validate", "--plugins", "artifacts/plugins");
            });
        });
        return app.RunAsync(args, cancellationToken);
    }

    /// <summary>
    /// The <c>--config FILE</c> of any command: configuration is composed before Spectre parses the command line,
    /// so the file is found here; the option itself is declared on the commands for help and validation.
    /// </summary>
    private static string? ConfigFileArgument(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--config" or "-c" && i + 1 < args.Length)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith("--config=", StringComparison.Ordinal))
            {
                return args[i]["--config=".Length..];
            }
        }

        return null;
    }

    private static HostApplicationBuilder CreateHostBuilder(string[] args, IAnsiConsole console)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // The command line belongs to Spectre; configuration comes from appsettings.json and EEVAL_ variables.
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = "eeval",
        });
        builder.Configuration.AddEnvironmentVariables("EEVAL_");
        if (ConfigFileArgument(args) is { } configFile)
        {
            if (!File.Exists(configFile))
            {
                throw new UserFacingException($"找不到配置文件：{Path.GetFullPath(configFile)}");
            }

            builder.Configuration.AddJsonFile(Path.GetFullPath(configFile), optional: false, reloadOnChange: false);
        }

        if (PluginWorker.IsWorker)
        {
            // A worker runs with exactly the configuration its parent composed (and no secret it does not need).
            builder.Configuration.Sources.Clear();
            builder.Configuration.AddInMemoryCollection(WorkerProcess.Configuration());
        }

        // Every configured value must convert before anything runs: the binder would skip a bad dictionary entry
        // silently (docs/security.md, "Configuration").
        ConfigurationCheck.ThrowIfInvalid(builder.Configuration);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(console);
        builder.Services.AddEnterpriseEvalRuntime(builder.Configuration);
        builder.Services.AddEnterpriseEvalReview(builder.Configuration);
        builder.Services.AddSingleton<WatchLoop>();
        return builder;
    }

    private static int Fail(IAnsiConsole console, Exception e)
    {
        var message = Unwrap(e) switch
        {
            UserFacingException u => u.Message,
            PluginLoadException p => p.Message,
            Engine.Roster.RosterException r => r.Message,
            CommandAppException c => $"命令行参数有误：{c.Message}",

            // A file the command could not read or write is the input's or the machine's problem, not the program's
            // (docs/security.md, Limits on input): said as such, with the file where the exception names one.
            FileNotFoundException f => $"找不到文件：{f.FileName ?? f.Message}",
            DirectoryNotFoundException d => $"找不到文件夹：{d.Message}",
            PathTooLongException => "文件路径过长，无法读写",
            UnauthorizedAccessException a => $"没有读写权限：{a.Message}",
            IOException io => $"读写文件失败（磁盘已满、文件被占用或已损坏）：{io.Message}",
            InvalidDataException bad => $"输入文件已损坏或格式不对：{bad.Message}",
            OutOfMemoryException => "内存不足：输入文件过大。请检查花名册文件的大小，或调低读取上限后重试（见 docs/security.md，输入上限）",
            var other => $"内部错误（{other.GetType().Name}）：{other.Message}。请将此信息反馈给系统管理员。",
        };
        console.MarkupLine($"[red]错误：[/]{ConsoleText.Escape(message)}");
        return FailureExitCode;
    }

    private static Exception Unwrap(Exception e) =>
        e switch
        {
            AggregateException { InnerExceptions.Count: 1 } a => Unwrap(a.InnerExceptions[0]),
            System.Reflection.TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
            InvalidOperationException { InnerException: UserFacingException u } => u,
            _ => e,
        };
}
