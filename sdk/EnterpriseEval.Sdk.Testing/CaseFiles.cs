using EnterpriseEval.Engine;
using EnterpriseEval.Engine.Cases;
using EnterpriseEval.Sdk.Plugins;
using Microsoft.Extensions.Configuration;

namespace EnterpriseEval.Sdk.Testing;

/// <summary>
/// Declarative test cases (docs/test-cases.md) under any test framework: the same case files <c>eeval test</c> runs,
/// loaded as theory data and run through the real engine, failing with the same Chinese report.
/// </summary>
/// <example>
/// <code>
/// public static IEnumerable&lt;object[]&gt; Cases =&gt; CaseFiles.Load("cases");
///
/// [Theory, MemberData(nameof(Cases))]
/// public void Case_passes(ScreeningCase testCase) =&gt; CaseFiles.Run&lt;AcmePlugin&gt;(testCase);
/// </code>
/// </example>
/// <remarks>The kit uses only the engine's public API (<see cref="CaseFile"/>, <see cref="CaseRunner"/>).</remarks>
public static class CaseFiles
{
    /// <summary>
    /// Reads case files and folders as theory data: one row per case, holding the <see cref="ScreeningCase"/> (shown by
    /// its file and name). A relative path is looked for in the current directory, then in each folder above the test's
    /// output folder, so <c>Load("cases")</c> finds the <c>cases</c> folder beside the solution.
    /// </summary>
    /// <param name="paths">Case files (<c>.yaml</c>/<c>.yml</c>) or folders.</param>
    /// <returns>One <c>object[] { ScreeningCase }</c> per case.</returns>
    /// <exception cref="PluginAssertionException">A path is not found, or a case file is invalid (file, line and column).</exception>
    public static IEnumerable<object[]> Load(params string[] paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        try
        {
            return [.. CaseFile.LoadAll(paths.Select(Resolve)).Select(c => new object[] { c })];
        }
        catch (CaseFileException e)
        {
            throw new PluginAssertionException($"用例文件有误：{e.Message}", e);
        }
    }

    /// <summary>
    /// Runs a case with the statutory rules and, when it names plug-ins, the published plug-ins of
    /// <paramref name="pluginsFolder"/> (loaded as <c>eeval test --plugins</c> loads them).
    /// </summary>
    /// <param name="testCase">The case.</param>
    /// <param name="pluginsFolder">The plug-ins folder; needed only when the case names plug-ins.</param>
    /// <param name="configuration">Host configuration keys and values under the case's own options.</param>
    /// <returns>The result, passed.</returns>
    /// <exception cref="PluginAssertionException">The case failed or could not run; the message is the report
    /// <c>eeval test</c> prints (path, expected, actual, the decision's findings).</exception>
    public static CaseResult Run(ScreeningCase testCase, string? pluginsFolder = null, IReadOnlyDictionary<string, string?>? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        return Check(new CaseRunner(pluginsFolder is null ? null : Resolve(pluginsFolder), Configuration(configuration)).Run(testCase));
    }

    /// <summary>
    /// Runs a case with the plug-in <typeparamref name="TPlugin"/> the test project references, composed in-process as
    /// <see cref="PluginTestHost.For{TPlugin}"/> composes it (the manifest's review authorisation stands for the
    /// enterprise's unless the case's options set one). A case may name that plug-in or none.
    /// </summary>
    /// <typeparam name="TPlugin">The plug-in's entry type.</typeparam>
    /// <param name="testCase">The case.</param>
    /// <param name="pluginFolder">The folder with <c>plugin.json</c>; by default that of <typeparamref name="TPlugin"/>'s assembly.</param>
    /// <param name="configuration">Host configuration keys and values under the case's own options.</param>
    /// <returns>The result, passed.</returns>
    /// <exception cref="PluginAssertionException">The case failed or could not run (see <see cref="Run(ScreeningCase, string?, IReadOnlyDictionary{string, string?}?)"/>).</exception>
    public static CaseResult Run<TPlugin>(ScreeningCase testCase, string? pluginFolder = null, IReadOnlyDictionary<string, string?>? configuration = null)
        where TPlugin : IEnterprisePlugin, new()
    {
        ArgumentNullException.ThrowIfNull(testCase);
        var folder = Path.GetFullPath(pluginFolder ?? Path.GetDirectoryName(typeof(TPlugin).Assembly.Location)!);
        var runner = CaseRunner.WithPlugins((_, config) => EnginePlugins.Compose<TPlugin>(folder, config), Configuration(configuration));
        return Check(runner.Run(testCase));
    }

    private static CaseResult Check(CaseResult result) =>
        result.Passed ? result : throw new PluginAssertionException(result.Report);

    private static IConfiguration Configuration(IReadOnlyDictionary<string, string?>? values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values ?? new Dictionary<string, string?>()).Build();

    // A relative path: the current directory first, then each folder above the test's output folder.
    private static string Resolve(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path) || Directory.Exists(path))
        {
            return path;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, path);
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return path;
    }
}
