using EnterpriseEval.Engine;
using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Plugins;
using EnterpriseEval.Sdk.Screening;
using Microsoft.Extensions.Configuration;

namespace EnterpriseEval.Sdk.Testing;

/// <summary>
/// A plug-in inside the real EnterpriseEval engine, for tests: screening applies the statutory rules, then the
/// plug-in's criteria behind the same guardrails as <c>eeval screen</c> (a plug-in can tighten, never loosen), with the
/// plug-in's options bound from the configuration given, as the host binds them. Dispose it at the end of the test.
/// </summary>
/// <remarks>The kit uses only the engine's public API (EnterpriseEval.Engine, docs/architecture.md).</remarks>
public sealed class PluginTestHost : IDisposable
{
    private readonly EnginePlugins _plugins;
    private PluginTemplates? _templates;

    private PluginTestHost(EnginePlugins plugins) => _plugins = plugins;

    /// <summary>
    /// Composes the plug-in <typeparamref name="TPlugin"/> that the test project references, in-process (no load
    /// context, so breakpoints in the plug-in work), from its <c>plugin.json</c>. The manifest is checked as the host
    /// checks it (fields, SDK and Microsoft.Extensions versions) and against <typeparamref name="TPlugin"/>, so a wrong
    /// manifest fails the test rather than the deployment; <see cref="FromFolder"/> checks the published folder itself.
    /// The enterprise's review authorisation is host configuration (<c>EnterpriseEval:Authorisation:…</c>, docs/plugins.md);
    /// unless <paramref name="configuration"/> sets one, the test stands for an enterprise authorised as the manifest says.
    /// </summary>
    /// <typeparam name="TPlugin">The plug-in's entry type.</typeparam>
    /// <param name="pluginFolder">The folder with <c>plugin.json</c> and the plug-in's templates; by default the folder
    /// of <typeparamref name="TPlugin"/>'s assembly (the test's output, where the plug-in project copies them).</param>
    /// <param name="configuration">Host configuration keys and values, e.g. <c>["Plugins:acme-plugin:MinimumServiceYears"] = "3"</c>.</param>
    /// <exception cref="PluginAssertionException">The manifest is missing or wrong, or the host would refuse the plug-in.</exception>
    public static PluginTestHost For<TPlugin>(string? pluginFolder = null, IReadOnlyDictionary<string, string?>? configuration = null)
        where TPlugin : IEnterprisePlugin, new()
    {
        var folder = Path.GetFullPath(pluginFolder ?? Path.GetDirectoryName(typeof(TPlugin).Assembly.Location)!);
        return new PluginTestHost(Guard(() => EnginePlugins.Compose<TPlugin>(folder, Configuration(configuration))));
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
        var plugins = Guard(() => EnginePlugins.LoadFolder(pluginsFolder, Configuration(configuration), manifestAuthorises: true));
        if (plugins.Refused.Count > 0 || plugins.Loaded.Count == 0)
        {
            plugins.Dispose();
            var reasons = plugins.Refused.Count > 0 ? string.Join(Environment.NewLine, plugins.Refused) : "插件文件夹中没有插件";
            throw new PluginAssertionException($"{reasons}{Environment.NewLine}The host would not load the plug-ins of {pluginsFolder}.");
        }

        return new PluginTestHost(plugins);
    }

    /// <summary>
    /// How long one criterion may run on one decision before the decision becomes <c>needs_review</c> and the criterion
    /// is disabled for the run; the host's default, 2 seconds, unless changed (<c>EnterpriseEval:Plugins:CriterionTimeoutMilliseconds</c>).
    /// </summary>
    public TimeSpan CriterionTimeout { get; set; } = new ScreeningEngine().CriterionTimeout;

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
        return new ScreeningRun(Engine().Screen(RosterSource.FromRecords(records), asOf, _plugins), []);
    }

    /// <summary>
    /// Reads a roster folder (docs/roster.md) as <c>eeval screen --roster</c> does and screens it; rejected rows are in
    /// <see cref="ScreeningRun.RosterRejects"/> (bad values of the plug-in's declared extra tables among them), declared extra
    /// tables reach criteria typed (<see cref="EnterpriseEval.Sdk.Tables.ExtraTable{TRow}.RowsOf"/>), other CSV files as text
    /// (<see cref="EmployeeRecord.ExtraFiles"/>).
    /// </summary>
    /// <param name="rosterFolder">The folder with <c>employees.csv</c> and the other files.</param>
    /// <param name="asOf">The cut-off date.</param>
    /// <exception cref="PluginAssertionException">The roster cannot be read at all (missing folder, file or required column).</exception>
    public ScreeningRun ScreenRoster(string rosterFolder, DateOnly asOf)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rosterFolder);
        var run = Guard(() => Engine().Screen(RosterSource.FromFolder(rosterFolder), asOf, _plugins));
        return new ScreeningRun(run, run.Summary!.Rejects);
    }

    /// <summary>
    /// Runs the checks of <c>eeval plugins validate</c>: a coherent review authorisation, criteria with unique ids and
    /// citations, each criterion once on a sample of every path it applies to and the pay tables on a sample employee,
    /// within <see cref="CriterionTimeout"/>, and every template (syntax and model).
    /// </summary>
    /// <exception cref="PluginAssertionException">Any problem; the message lists them all.</exception>
    public void Validate()
    {
        var problems = _plugins.Validate(CriterionTimeout);
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

    private ScreeningEngine Engine() => new() { CriterionTimeout = CriterionTimeout };

    private static IConfiguration Configuration(IReadOnlyDictionary<string, string?>? values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values ?? new Dictionary<string, string?>()).Build();

    // The engine reports what a person must fix with one public type and the host's Chinese message; tests see it as
    // an assertion failure.
    private static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (EngineException e)
        {
            throw new PluginAssertionException($"{e.Message}{Environment.NewLine}The host would report this error.", e);
        }
    }
}
