using EnterpriseEval.Engine.Plugins;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary><c>eeval plugins list</c>: what each plug-in is, its review authorisation and what it contributes.</summary>
internal sealed class PluginsListCommand(PluginCatalog catalog, IAnsiConsole console) : Command<PluginsSettings>
{
    public override int Execute(CommandContext context, PluginsSettings settings, CancellationToken cancellationToken)
    {
        using var plugins = catalog.Load(settings.Plugins);
        PluginsView.Render(console, plugins);
        return 0;
    }
}
