using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Engine.Screening;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Engine.Tests.Support;

/// <summary>Loads a plug-ins folder through the runtime's catalog and screens records with it.</summary>
internal static class PluginRun
{
    public static PluginCatalog Catalog(string? lockFile = null, string? hostAuthorisation = null) =>
        new(Configuration(hostAuthorisation), Options.Create(new PluginsOptions { LockFile = lockFile }));

    /// <summary>
    /// The host's configuration, with the enterprise's review authorisation (工程, up to <paramref name="highestLevel"/>,
    /// 2024–2027, the document of <see cref="FixturePlugins.Authorisation"/>) when a level is given.
    /// </summary>
    public static IConfiguration Configuration(string? highestLevel) =>
        new ConfigurationBuilder().AddInMemoryCollection(highestLevel is null ? [] : new Dictionary<string, string?>
        {
            ["EnterpriseEval:Authorisation:Body"] = "江西省人力资源和社会保障厅",
            ["EnterpriseEval:Authorisation:DocumentNo"] = "赣人社字〔2024〕1号",
            ["EnterpriseEval:Authorisation:Series:0"] = "engineering",
            ["EnterpriseEval:Authorisation:HighestLevel"] = highestLevel,
            ["EnterpriseEval:Authorisation:ValidFrom"] = "2024-01-01",
            ["EnterpriseEval:Authorisation:ValidUntil"] = "2027-12-31",
        }).Build();

    // The records are one roster: it has applications when any of them has one (docs/rules.md "Which decisions are made").
    // A generous limit by default: only the hang test should meet it, not a slow first exception on a loaded machine.
    public static ScreeningResult Screen(PluginSet plugins, IReadOnlyList<EmployeeRecord> records, DateOnly asOf, int timeoutMs = 15_000, double budgetSeconds = 600) =>
        new Screener(
            Options.Create(PolicyOptions.ProjectDefaults()),
            Options.Create(new ScreeningOptions()),
            Options.Create(new PluginsOptions { CriterionTimeoutMilliseconds = timeoutMs, PluginTimeBudgetSeconds = budgetSeconds, PluginTimeBudgetMillisecondsPerEmployee = 0 }))
        .Screen(records, asOf, plugins, records.Any(r => r.Applications.Count > 0));
}
