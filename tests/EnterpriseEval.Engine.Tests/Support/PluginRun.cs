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
    public static PluginCatalog Catalog(string? lockFile = null) =>
        new(new ConfigurationBuilder().Build(), Options.Create(new PluginsOptions { LockFile = lockFile }));

    // The records are one roster: it has applications when any of them has one (docs/rules.md "Which decisions are made").
    // A generous limit by default: only the hang test should meet it, not a slow first exception on a loaded machine.
    public static ScreeningResult Screen(PluginSet plugins, IReadOnlyList<EmployeeRecord> records, DateOnly asOf, int timeoutMs = 15_000) =>
        new Screener(
            Options.Create(PolicyOptions.ProjectDefaults()),
            Options.Create(new ScreeningOptions()),
            Options.Create(new PluginsOptions { CriterionTimeoutMilliseconds = timeoutMs }))
        .Screen(records, asOf, plugins, records.Any(r => r.Applications.Count > 0));
}
