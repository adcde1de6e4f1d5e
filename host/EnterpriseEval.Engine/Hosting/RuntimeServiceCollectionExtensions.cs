using EnterpriseEval.Engine.Notices;
using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Engine.Screening;
using EnterpriseEval.Sdk.Screening;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using EnterpriseEval.Engine.Roster.Sources;

namespace EnterpriseEval.Engine.Hosting;

/// <summary>Composition of the runtime inside the generic host.</summary>
internal static class RuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the screening pipeline: policy, screening and plug-in options bound from configuration, the plug-in
    /// catalog and the screener.
    /// </summary>
    public static IServiceCollection AddEnterpriseEvalRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddTimeProvider();
        services.AddOptions<PolicyOptions>().Bind(configuration.GetSection(PolicyOptions.SectionName));
        services.AddOptions<ScreeningOptions>().Bind(configuration.GetSection(ScreeningOptions.SectionName));
        services.AddOptions<PluginsOptions>().Bind(configuration.GetSection(PluginsOptions.SectionName));
        services.AddOptions<RosterLimits>().Bind(configuration.GetSection(RosterLimits.SectionName));
        services.AddSingleton<PluginCatalog>();
        services.AddSingleton<Screener>();
        // The engine's constructor for the host is internal (its public one is for the test kit and other callers).
        services.AddSingleton(sp => new ScreeningEngine(
            sp.GetRequiredService<Screener>(),
            sp.GetRequiredService<IOptions<RosterLimits>>(),
            sp.GetServices<ITableSourceOpener>(),
            sp.GetRequiredService<ILogger<ScreeningJob>>()));
        services.AddSingleton<ScreeningJob>();
        services.AddOptions<ReviewOptions>().Bind(configuration.GetSection(ReviewOptions.SectionName));
        services.AddOptions<DocumentsOptions>().Bind(configuration.GetSection(DocumentsOptions.SectionName));
        services.AddSingleton<NoticesJob>();
        return services;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
