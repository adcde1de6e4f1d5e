using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Cli;

/// <summary>Resolves Spectre's commands from the built host; disposing it stops the host's services.</summary>
internal sealed class HostTypeResolver(Microsoft.Extensions.Hosting.IHost host) : ITypeResolver, IDisposable
{
    public object? Resolve(Type? type) => type is null ? null : host.Services.GetService(type);

    public void Dispose() => host.Dispose();
}
