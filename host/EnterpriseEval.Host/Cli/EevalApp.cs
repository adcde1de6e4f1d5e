using System.Globalization;
using EnterpriseEval.Host.Commands;
using EnterpriseEval.Runtime;
using EnterpriseEval.Runtime.Hosting;
using EnterpriseEval.Runtime.Plugins;
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
    public static Task<int> RunAsync(string[] args, IAnsiConsole console, Action<HostApplicationBuilder>? configure = null)
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
        return app.RunAsync(args);
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

        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(console);
        builder.Services.AddEnterpriseEvalRuntime(builder.Configuration);
        return builder;
    }

    private static int Fail(IAnsiConsole console, Exception e)
    {
        var message = Unwrap(e) switch
        {
            UserFacingException u => u.Message,
            PluginLoadException p => p.Message,
            Runtime.Roster.RosterException r => r.Message,
            CommandAppException c => $"命令行参数有误：{c.Message}",
            var other => $"内部错误（{other.GetType().Name}）：{other.Message}。请将此信息反馈给系统管理员。",
        };
        console.MarkupLine($"[red]错误：[/]{Markup.Escape(message)}");
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
