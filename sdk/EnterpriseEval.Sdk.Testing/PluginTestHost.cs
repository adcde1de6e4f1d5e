using EnterpriseEval.Engine;
using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Engine.Screening;
using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Plugins;
using EnterpriseEval.Sdk.Screening;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Sdk.Testing;

/// <summary>
/// A plug-in inside the real EnterpriseEval runtime, for tests: screening applies the statutory rules, then the
/// plug-in's criteria behind the same guardrails as <c>eeval screen</c> (a plug-in can tighten, never loosen), with the
/// plug-in's options bound from the configuration given, as the host binds them. Dispose it at the end of the test.
/// </summary>
public sealed class PluginTestHost : IDisposable
{
    private readonly PluginSet _plugins;
    private readonly Screener _screener;
    private readonly PluginsOptions _pluginsOptions = new();
    private PluginTemplates? _templates;

    private PluginTestHost(PluginSet plugins)
    {
        _plugins = plugins;
        _screener = new Screener(
            Options.Create(PolicyOptions.ProjectDefaults()),
            Options.Create(new ScreeningOptions()),
            Options.Create(_pluginsOptions));
    }

    /// <summary>
    /// Composes the plug-in <typeparamref name="TPlugin"/> that the test project references, in-process (no load
    /// context, so breakpoints in the plug-in work), from its <c>plugin.json</c>. The manifest is checked as the host
    /// checks it (fields, SDK and Microsoft.Extensions versions) and against <typeparamref name="TPlugin"/>, so a wrong
    /// manifest fails the test rather than the deployment; <see cref="FromFolder"/> checks the published folder itself.
    /// </summary>
    /// <typeparam name="TPlugin">The plug-in's entry type.</typeparam>
    /// <param name="pluginFolder">The folder with <c>plugin.json</c> and the plug-in's templates; by default the folder
    /// of <typeparamref name="TPlugin"/>'s assembly (the test's output, where the plug-in project copies them).</param>
    /// <param name="configuration">Host configuration keys and values, e.g. <c>["Plugins:acme-plugin:MinimumServiceYears"] = "3"</c>.</param>
    /// <exception cref="PluginAssertionException">The manifest is missing or wrong, or the host would refuse the plug-in.</exception>
    public static PluginTestHost For<TPlugin>(string? pluginFolder = null, IReadOnlyDictionary<string, string?>? configuration = null)
        where TPlugin : IEnterprisePlugin, new()
    {
        var assemblyPath = typeof(TPlugin).Assembly.Location;
        var folder = Path.GetFullPath(pluginFolder ?? Path.GetDirectoryName(assemblyPath)!);
        var manifest = Guard(() => PluginManifestReader.Read(folder));
        if (manifest.EntryType != typeof(TPlugin).FullName)
        {
            throw new PluginAssertionException(
                $"{PluginManifest.FileName} 中 entryType 为 {manifest.EntryType}，而插件类型为 {typeof(TPlugin).FullName}，主机将无法加载该插件"
                + $"{Environment.NewLine}entryType in {PluginManifest.FileName} does not name {typeof(TPlugin).FullName}.");
        }

        if (!string.Equals(manifest.AssemblyFile, Path.GetFileName(assemblyPath), StringComparison.OrdinalIgnoreCase))
        {
            throw new PluginAssertionException(
                $"{PluginManifest.FileName} 中 assembly 为 {manifest.AssemblyFile}，而插件程序集为 {Path.GetFileName(assemblyPath)}，主机将无法加载该插件"
                + $"{Environment.NewLine}assembly in {PluginManifest.FileName} does not name {Path.GetFileName(assemblyPath)}.");
        }

        Guard(() => PluginCompatibility.Check(manifest, assemblyPath));
        var host = Configuration(configuration);
        var composition = Guard(() => PluginCatalog.Compose(manifest, folder, new TPlugin(), host));

        // The enterprise's authorisation is host configuration (docs/plugins.md, "Review authorisation"); unless the test
        // configures one (EnterpriseEval:Authorisation:…), the kit stands for an enterprise authorised as the manifest says.
        var authorisation = Guard(() => HostAuthorisation.Read(host)) ?? manifest.Authorisation;
        var plugin = new LoadedPlugin(manifest, folder, assemblyPath, PluginLock.Sha256(assemblyPath), loadContext: null, composition);
        return new PluginTestHost(new PluginSet([plugin], [], authorisation));
    }

    /// <summary>
    /// Loads published plug-ins the way <c>eeval --plugins</c> does: each into its own load context, from a folder with
    /// one sub-folder per plug-in or a single plug-in folder (e.g. the output of <c>dotnet publish</c>).
    /// </summary>
    /// <param name="pluginsFolder">The plug-ins folder.</param>
    /// <param name="configuration">Host configuration keys and values (see <see cref="For{TPlugin}"/>).</param>
    /// <exception cref="PluginAssertionException">The folder has no plug-in, or the host refuses one; the message is the host's.</exception>
    public static PluginTestHost FromFolder(string pluginsFolder, IReadOnlyDictionary<string, string?>? configuration = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginsFolder);
        var catalog = new PluginCatalog(Configuration(configuration), Options.Create(new PluginsOptions()));
        var plugins = Guard(() => catalog.Load(pluginsFolder));
        if (plugins.Refused.Count > 0 || plugins.Loaded.Count == 0)
        {
            plugins.Dispose();
            var reasons = plugins.Refused.Count > 0 ? string.Join(Environment.NewLine, plugins.Refused.Select(e => e.Message)) : "插件文件夹中没有插件";
            throw new PluginAssertionException($"{reasons}{Environment.NewLine}The host would not load the plug-ins of {pluginsFolder}.");
        }

        // As in For<TPlugin>: without a configured authorisation, the enterprise's is taken to be the first manifest's
        // (the others still narrow it).
        return plugins.HostAuthorisation is null && plugins.Authorisations.Count > 0
            ? new PluginTestHost(new PluginSet(plugins.Loaded, plugins.Refused, plugins.Authorisations[0]))
            : new PluginTestHost(plugins);
    }

    /// <summary>
    /// How long one criterion may run on one decision before the decision becomes <c>needs_review</c> and the criterion
    /// is disabled for the run; the host's default, 2 seconds, unless changed (<c>EnterpriseEval:Plugins:CriterionTimeoutMilliseconds</c>).
    /// </summary>
    public TimeSpan CriterionTimeout
    {
        get => TimeSpan.FromMilliseconds(_pluginsOptions.CriterionTimeoutMilliseconds);
        set => _pluginsOptions.CriterionTimeoutMilliseconds = (int)value.TotalMilliseconds;
    }

    /// <summary>
    /// Screens employees built in code (see <see cref="EmployeeBuilder"/>) as of a cut-off date. The employees are one
    /// roster: when any of them has an application (<see cref="EmployeeBuilder.Applying(ScreeningPath, TitleLevel, TitleSeries?)"/>),
    /// the roster has applications and, as <c>eeval screen</c> does with <c>applications.csv</c>, those without one get
    /// no decision at all (docs/rules.md "Which decisions are made").
    /// </summary>
    /// <param name="records">The employees, e.g. <c>[EmployeeBuilder.Create("E1")….Build()]</c>.</param>
    /// <param name="asOf">The cut-off date (截止日期).</param>
    public ScreeningRun Screen(IEnumerable<EmployeeRecord> records, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(records);
        EmployeeRecord[] roster = [.. records];
        return new ScreeningRun(_screener.Screen(roster, asOf, _plugins, roster.Any(r => r.Applications.Count > 0)), []);
    }

    /// <summary>
    /// Reads a roster folder (docs/roster.md) as <c>eeval screen --roster</c> does and screens it; rejected rows are in
    /// <see cref="ScreeningRun.RosterRejects"/>, extra CSV files reach criteria through <see cref="EmployeeRecord.ExtraFiles"/>.
    /// </summary>
    /// <param name="rosterFolder">The folder with <c>employees.csv</c> and the other files.</param>
    /// <param name="asOf">The cut-off date.</param>
    /// <exception cref="PluginAssertionException">The roster cannot be read at all (missing folder, file or required column).</exception>
    public ScreeningRun ScreenRoster(string rosterFolder, DateOnly asOf)
    {
        var roster = Guard(() => RosterReader.ReadFolder(rosterFolder));
        var rejects = roster.Rejects
            .Select(r => $"{r.File} 第{r.Row}行{(r.Column.Length > 0 ? $" {r.Column}" : "")}“{r.Value}”：{r.Reason}")
            .ToList();
        return new ScreeningRun(_screener.Screen(roster.Records, asOf, _plugins, roster.HasApplications), rejects);
    }

    /// <summary>
    /// Runs the checks of <c>eeval plugins validate</c>: a coherent review authorisation, criteria with unique ids and
    /// citations, and each criterion once on a sample of every path it applies to, within <see cref="CriterionTimeout"/>.
    /// </summary>
    /// <exception cref="PluginAssertionException">Any problem; the message lists them all.</exception>
    public void Validate()
    {
        var problems = _plugins.Loaded.SelectMany(p => PluginSelfCheck.Problems(p, CriterionTimeout)).ToList();
        if (problems.Count > 0)
        {
            throw new PluginAssertionException(
                $"插件校验未通过：{Environment.NewLine}{string.Join(Environment.NewLine, problems)}{Environment.NewLine}`eeval plugins validate` would fail.");
        }
    }

    /// <summary>
    /// Loads the plug-in's templates as the host does (defaults for the kinds it leaves alone) and renders every kind
    /// in every format against a filled-in sample model.
    /// </summary>
    /// <exception cref="PluginAssertionException">A template has a syntax error, names a variable its model lacks, or
    /// fails while rendering; the message gives file, line and column.</exception>
    public void CheckTemplates() => Templates().RenderAll();

    /// <summary>Renders one document with the plug-in's templates, e.g. to assert its letterhead.</summary>
    /// <param name="kind">The document kind.</param>
    /// <param name="format">HTML (the notice's <c>&lt;article&gt;</c>) or Markdown.</param>
    /// <param name="model">The kind's model (<see cref="DocumentKinds.ModelType"/>); null = a filled-in sample.</param>
    /// <exception cref="PluginAssertionException">The templates do not load, or the template fails while rendering.</exception>
    public string RenderDocument(DocumentKind kind, DocumentFormat format, object? model = null) => Templates().Render(kind, format, model);

    /// <summary>Disposes the plug-ins' services and unloads plug-ins loaded by <see cref="FromFolder"/>.</summary>
    public void Dispose() => _plugins.Dispose();

    private PluginTemplates Templates() => _templates ??= PluginTemplates.Load(_plugins);

    private static IConfiguration Configuration(IReadOnlyDictionary<string, string?>? values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values ?? new Dictionary<string, string?>()).Build();

    // The runtime reports plug-in and roster problems with its own (internal) exceptions; tests see one public type
    // with the host's Chinese message.
    private static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is PluginLoadException or RosterException or UserFacingException)
        {
            throw new PluginAssertionException($"{e.Message}{Environment.NewLine}The host would report this error.", e);
        }
    }

    private static void Guard(Action action) => Guard(() =>
    {
        action();
        return true;
    });
}
