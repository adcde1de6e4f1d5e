using System.Text.Json;
using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Engine.Screening;
using EnterpriseEval.Sdk.Screening;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Workflow.Review;

/// <summary>
/// The rules a batch runs on: the policy and plug-in configuration recorded when the batch was created, and its
/// plug-ins. Every step (and a replay) screens with the recorded configuration, not with whatever the host is
/// configured with today, so the same inputs give the same decisions.
/// </summary>
internal sealed class BatchRules(IOptions<ScreeningOptions> screening, IOptions<PluginsOptions> plugins)
{
    private static readonly string[] RecordedSections = [PolicyOptions.SectionName, "Plugins"];

    /// <summary>
    /// The configuration sections that decide decisions, as sorted JSON key/value pairs, with the host's review
    /// authorisation written out in full (also when it was read from a file).
    /// </summary>
    public static string Capture(IConfiguration configuration, ReviewAuthorisation? authorisation = null)
    {
        var values = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var section in RecordedSections)
        {
            foreach (var (key, value) in configuration.GetSection(section).AsEnumerable())
            {
                if (value is not null)
                {
                    values[key] = value;
                }
            }
        }

        if (authorisation is not null)
        {
            foreach (var (key, value) in HostAuthorisation.ToConfiguration(authorisation))
            {
                values[key] = value;
            }
        }

        return JsonSerializer.Serialize(values);
    }

    public static IConfiguration Restore(string captured) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(JsonSerializer.Deserialize<Dictionary<string, string?>>(captured) ?? [])
            .Build();

    /// <summary>Loads the plug-ins of a folder with the recorded configuration.</summary>
    public PluginSet LoadPlugins(string recordedConfiguration, string? directory) =>
        new PluginCatalog(Restore(recordedConfiguration), plugins).Load(string.IsNullOrEmpty(directory) ? null : directory);

    /// <summary>A screener bound to the recorded policy options.</summary>
    public Screener Screener(string recordedConfiguration)
    {
        var policy = new PolicyOptions();
        Restore(recordedConfiguration).GetSection(PolicyOptions.SectionName).Bind(policy);
        return new Screener(Options.Create(policy), screening, plugins);
    }
}
