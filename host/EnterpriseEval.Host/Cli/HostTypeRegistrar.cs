using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console.Cli;

namespace EnterpriseEval.Host.Cli;

/// <summary>Lets Spectre.Console.Cli register its commands into the generic host's container and resolve from it.</summary>
internal sealed class HostTypeRegistrar(HostApplicationBuilder builder) : ITypeRegistrar
{
    public void Register(Type service, Type implementation) => builder.Services.AddSingleton(service, implementation);

    public void RegisterInstance(Type service, object implementation) => builder.Services.AddSingleton(service, implementation);

    public void RegisterLazy(Type service, Func<object> factory) => builder.Services.AddSingleton(service, _ => factory());

    public ITypeResolver Build() => new HostTypeResolver(builder.Build());
}
