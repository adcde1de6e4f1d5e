using EnterpriseEval.Runtime.Screening;
using EnterpriseEval.Sdk.Screening;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Runtime.Hosting;

/// <summary>Composition of the runtime inside the generic host.</summary>
internal static class RuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the screening pipeline: policy options bound from <c>EnterpriseEval:Policy</c>, the statutory rule set
    /// compiled from them once at start (bad configuration fails here, in Chinese), and the screener.
    /// </summary>
    public static IServiceCollection AddEnterpriseEvalRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddTimeProvider();
        services.AddOptions<PolicyOptions>().Bind(configuration.GetSection(PolicyOptions.SectionName));
        services.AddOptions<ScreeningOptions>().Bind(configuration.GetSection(ScreeningOptions.SectionName));
        services.AddSingleton(sp =>
        {
            try
            {
                return StatutoryRuleSet.Create(sp.GetRequiredService<IOptions<PolicyOptions>>().Value);
            }
            catch (ArgumentException e)
            {
                throw new UserFacingException($"配置错误（{PolicyOptions.SectionName}）：{e.Message}", e);
            }
        });
        services.AddSingleton<Screener>();
        services.AddSingleton<ScreeningJob>();
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
