using EnterpriseEval.Host.Cli;
using EnterpriseEval.Engine.Plugins;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary>
/// <c>eeval plugins validate</c>: loads each plug-in, checks its manifest and runs its self-check; exits non-zero on
/// any problem, so a deployment pipeline can stop a bad plug-in before it reaches a screening.
/// </summary>
internal sealed class PluginsValidateCommand(PluginCatalog catalog, IOptions<PluginsOptions> options, IAnsiConsole console)
    : Command<PluginsSettings>
{
    public override int Execute(CommandContext context, PluginsSettings settings, CancellationToken cancellationToken)
    {
        using var plugins = catalog.Load(settings.Plugins);
        PluginsView.Render(console, plugins);
        var limit = TimeSpan.FromMilliseconds(options.Value.CriterionTimeoutMilliseconds);
        var problems = plugins.Refused.Select(e => e.Message)
            .Concat(plugins.Loaded.SelectMany(p => PluginSelfCheck.Problems(p, limit)))
            .ToList();
        if (plugins.Loaded.Count == 0 && plugins.Refused.Count == 0)
        {
            problems.Add("插件文件夹中没有插件");
        }

        foreach (var problem in problems)
        {
            console.MarkupLine($"[red]问题：[/]{ConsoleText.Escape(problem)}");
        }

        if (problems.Count > 0)
        {
            console.MarkupLine($"[red]校验未通过：{problems.Count} 个问题。[/]");
            return EevalApp.FailureExitCode;
        }

        console.MarkupLine($"[green]校验通过：{plugins.Loaded.Count} 个插件。[/]");
        return 0;
    }
}
