using EnterpriseEval.Engine;
using EnterpriseEval.Host.Cli;
using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Engine.Roster.Sources;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary>
/// <c>eeval plugins validate</c>: loads each plug-in, checks its manifest and runs its self-check; exits non-zero on
/// any problem, so a deployment pipeline can stop a bad plug-in before it reaches a screening.
/// </summary>
internal sealed class PluginsValidateCommand(
    PluginCatalog catalog, IOptions<PluginsOptions> options, IOptions<RosterLimits> rosterLimits, IEnumerable<ITableSourceOpener> formats, IAnsiConsole console)
    : Command<PluginsSettings>
{
    public override int Execute(CommandContext context, PluginsSettings settings, CancellationToken cancellationToken)
    {
        using var plugins = new EnginePlugins(catalog.Load(settings.Plugins));
        PluginsView.Render(console, plugins.Set);
        var problems = plugins.Validate(TimeSpan.FromMilliseconds(options.Value.CriterionTimeoutMilliseconds)).ToList();
        if (!string.IsNullOrWhiteSpace(settings.Roster))
        {
            // The declared extra tables against a sample roster (docs/plugins.md, "Checking before deploying").
            problems.AddRange(ExtraTableCheck.Problems(plugins.Set, RosterReader.OpenSource(settings.Roster, rosterLimits.Value, formats)));
        }

        if (plugins.Set.Loaded.Count == 0 && plugins.Set.Refused.Count == 0)
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

        console.MarkupLine($"[green]校验通过：{plugins.Set.Loaded.Count} 个插件。[/]");
        return 0;
    }
}
