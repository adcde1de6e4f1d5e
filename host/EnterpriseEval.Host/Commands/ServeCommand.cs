using EnterpriseEval.Host.Cli;
using EnterpriseEval.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Commands;

/// <summary>
/// <c>eeval serve</c>: the HTTP API (and later the reviewer pages) on Kestrel, composed on this host's configuration
/// (docs/service.md). Runs until Ctrl+C or SIGTERM.
/// </summary>
internal sealed class ServeCommand(IConfiguration configuration, IAnsiConsole console) : AsyncCommand<ServeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
    {
        var arguments = new ServeArguments(settings.ListenUrls, settings.Store, settings.Plugins, settings.Demo);
        var app = ServiceApp.Build(ServiceApp.CreateBuilder(configuration, arguments));
        await using (app.ConfigureAwait(false))
        {
            ServiceApp.Prepare(app, arguments, line => console.WriteLine(line));
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                console.MarkupLine($"[bold]eeval serve[/] 已启动：{ConsoleText.Escape(address)}（健康检查 {ConsoleText.Escape(address)}/health，API 说明 {ConsoleText.Escape(address)}/scalar/v1）");
            }

            console.MarkupLine("按 Ctrl+C 停止。");
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }
}
