using System.Globalization;
using System.Text;
using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Engine.Screening;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Engine.Cases;

/// <summary>
/// Runs declarative test cases (docs/test-cases.md) through the engine: the case's facts are read by the roster's own
/// reader, screened with the statutory rules and the case's plug-ins under the case's options, and the decisions are
/// compared with what the case expects. <c>eeval test</c> and the test kit both run cases with it.
/// </summary>
public sealed class CaseRunner
{
    private readonly string? _pluginsFolder;
    private readonly IConfiguration _configuration;
    private readonly Func<IReadOnlyList<string>, IConfiguration, EnginePlugins>? _compose;

    /// <summary>A runner that finds the cases' plug-ins in a plug-ins folder, as <c>eeval test --plugins</c> does.</summary>
    /// <param name="pluginsFolder">The plug-ins folder (one sub-folder per plug-in); null when no case names a plug-in.</param>
    /// <param name="configuration">The host's configuration (policy, authorisation, plug-in options); each case's own
    /// options are laid over it. None = the project defaults.</param>
    public CaseRunner(string? pluginsFolder = null, IConfiguration? configuration = null)
    {
        _pluginsFolder = pluginsFolder;
        _configuration = configuration ?? new ConfigurationBuilder().Build();
    }

    private CaseRunner(Func<IReadOnlyList<string>, IConfiguration, EnginePlugins> compose, IConfiguration? configuration)
        : this((string?)null, configuration) => _compose = compose;

    /// <summary>
    /// A runner whose plug-ins come from the caller, e.g. <see cref="EnginePlugins.Compose{TPlugin}"/> for a plug-in a
    /// test project references. Cases that name no plug-in run with the statutory rules alone.
    /// </summary>
    /// <param name="plugins">Given the ids a case names and the case's configuration, the plug-ins; the runner
    /// disposes them after the case. Throw <see cref="EngineException"/> for ids it cannot provide.</param>
    /// <param name="configuration">The base configuration (see the other constructor).</param>
    /// <returns>The runner.</returns>
    public static CaseRunner WithPlugins(Func<IReadOnlyList<string>, IConfiguration, EnginePlugins> plugins, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(plugins);
        return new CaseRunner(plugins, configuration);
    }

    /// <summary>How long one criterion may run on one decision (the host's default, 2 seconds, unless configured).</summary>
    public TimeSpan? CriterionTimeout { get; init; }

    /// <summary>Runs one case.</summary>
    /// <param name="testCase">The case.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>Passed, failed (with the Chinese diff) or a case error (a fact the roster rejects, a plug-in missing).</returns>
    public CaseResult Run(ScreeningCase testCase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        var configuration = Compose(testCase);
        var source = new CaseTableSource(testCase.Tables);

        // A case's option that does not convert (years written as words) is the case's error, never silently skipped.
        if (Hosting.ConfigurationCheck.Problems(configuration) is { Count: > 0 } problems)
        {
            return Error(testCase, $"配置有误：{string.Join("；", problems)}");
        }

        // The plug-ins first, then the facts: the roster is read as a run with these plug-ins would read it.
        PluginSet plugins;
        EnginePlugins? composed = null;
        try
        {
            (plugins, composed) = LoadPlugins(testCase, configuration);
        }
        catch (EngineException e)
        {
            return Error(testCase, e.Message);
        }
        catch (PluginLoadException e)
        {
            return Error(testCase, e.Message);
        }
        catch (InvalidOperationException e) when (e.InnerException is FormatException or InvalidCastException or OverflowException || e.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase))
        {
            return Error(testCase, $"配置项的值无法读取：{e.Message}");
        }

        try
        {
            RosterReadResult roster;
            try
            {
                roster = RosterReader.Read(source, cancellationToken, plugins.ExtraTables);
            }
            catch (EngineException e)
            {
                return Error(testCase, $"员工资料无法读取：{e.Message}");
            }

            if (roster.Rejects.Count > 0)
            {
                return Error(testCase, string.Join(Environment.NewLine, roster.Rejects.Select(r => Rejected(testCase, source, r))));
            }

            var pluginsOptions = configuration.GetSection(PluginsOptions.SectionName).Get<PluginsOptions>() ?? new PluginsOptions();
            if (CriterionTimeout is { } timeout)
            {
                pluginsOptions.CriterionTimeoutMilliseconds = (int)Math.Clamp(timeout.TotalMilliseconds, 1, int.MaxValue);
            }

            var policy = configuration.GetSection(PolicyOptions.SectionName).Get<PolicyOptions>() ?? PolicyOptions.ProjectDefaults();
            var screener = new Screener(Options.Create(policy), Options.Create(new ScreeningOptions()), Options.Create(pluginsOptions));
            var sink = new InMemoryDecisionSink();
            new ScreeningEngine()
                .RunAsync(RosterSource.FromRead(roster), testCase.AsOf, plugins, sink, null, new RunTuning(Screener: screener), cancellationToken)
                .GetAwaiter().GetResult();
            var decisions = sink.Decisions.ToList();
            return Compare(testCase, decisions);
        }
        catch (EngineException e)
        {
            return Error(testCase, e.Message);
        }
        catch (InvalidOperationException e) when (e.InnerException is FormatException or InvalidCastException or OverflowException || e.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase))
        {
            // A configuration value of the wrong type (years written as words): the binder's own message names the key.
            return Error(testCase, $"配置项的值无法读取：{e.Message}");
        }
        finally
        {
            if (composed is not null)
            {
                composed.Dispose();
            }
            else
            {
                plugins.Dispose();
            }
        }
    }

    /// <summary>The host's configuration, the project's policy defaults where it has none, then the case's options.</summary>
    private IConfiguration Compose(ScreeningCase testCase)
    {
        var builder = new ConfigurationBuilder();
        if (!_configuration.GetSection(PolicyOptions.SectionName).Exists())
        {
            builder.AddInMemoryCollection(PolicyDefaults());
        }

        builder.AddConfiguration(_configuration);
        builder.AddInMemoryCollection(testCase.Options);
        return builder.Build();
    }

    // PolicyOptions.ProjectDefaults() as configuration keys, so that a case's options add to them as appsettings.json's would.
    private static Dictionary<string, string?> PolicyDefaults()
    {
        var defaults = PolicyOptions.ProjectDefaults();
        var keys = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (level, years) in defaults.CumulativeWorkYears)
        {
            keys[$"{PolicyOptions.SectionName}:CumulativeWorkYears:{level}"] = years.ToString(CultureInfo.InvariantCulture);
        }

        for (var i = 0; i < defaults.GreenChannelHonours.Count; i++)
        {
            keys[$"{PolicyOptions.SectionName}:GreenChannelHonours:{i}"] = defaults.GreenChannelHonours[i];
        }

        return keys;
    }

    /// <summary>The case's plug-ins (and the review authorisation of the configuration, which applies without plug-ins too).</summary>
    private (PluginSet Set, EnginePlugins? Composed) LoadPlugins(ScreeningCase testCase, IConfiguration configuration)
    {
        var options = Options.Create(configuration.GetSection(PluginsOptions.SectionName).Get<PluginsOptions>() ?? new PluginsOptions());
        options.Value.Directory = null;
        var catalog = new PluginCatalog(configuration, options);
        if (testCase.Plugins.Count == 0)
        {
            return (catalog.Load(null), null);
        }

        if (_compose is not null)
        {
            var composed = _compose(testCase.Plugins, configuration);
            var ids = composed.Set.Loaded.Select(p => p.Manifest.Id).ToList();
            if (testCase.Plugins.FirstOrDefault(id => !ids.Contains(id, StringComparer.Ordinal)) is { } missing)
            {
                composed.Dispose();
                throw new EngineException($"用例要求插件 {missing}，但未能提供该插件");
            }

            return (composed.Set, composed);
        }

        if (string.IsNullOrWhiteSpace(_pluginsFolder))
        {
            throw new EngineException($"用例要求插件 {string.Join("、", testCase.Plugins)}，但未指定插件文件夹（--plugins）");
        }

        var all = catalog.Load(_pluginsFolder);
        var chosen = new List<LoadedPlugin>();
        foreach (var plugin in all.Loaded)
        {
            if (testCase.Plugins.Contains(plugin.Manifest.Id, StringComparer.Ordinal))
            {
                chosen.Add(plugin);
            }
            else
            {
                plugin.Dispose();
            }
        }

        foreach (var id in testCase.Plugins)
        {
            if (chosen.Any(p => p.Manifest.Id == id))
            {
                continue;
            }

            foreach (var p in chosen)
            {
                p.Dispose();
            }

            throw all.Refused.FirstOrDefault(r => r.Plugin == id) is { } refused
                ? new EngineException(refused.Message, refused)
                : new EngineException($"插件文件夹 {_pluginsFolder} 中没有编号为 {id} 的插件（插件编号即 plugin.json 中的 id）");
        }

        return (new PluginSet([.. testCase.Plugins.Select(id => chosen.First(p => p.Manifest.Id == id))], [], all.HostAuthorisation), null);
    }

    private static string Rejected(ScreeningCase testCase, CaseTableSource source, RosterReject reject)
    {
        var table = source.TableOf(reject.File);
        var key = table?.Key ?? reject.File;
        var row = table is null || table.Name == "employees" ? "" : $"第 {reject.Row - 1} 行";
        var line = table is not null && reject.Row - 2 >= 0 && reject.Row - 2 < table.Lines.Count ? $"（第 {table.Lines[reject.Row - 2]} 行）" : "";
        var column = reject.Column.Length > 0 ? $"的“{reject.Column}”列" : "";
        var value = reject.Value.Length > 0 ? $"值“{reject.Value}”" : "";
        return $"{testCase.File}{line}：用例“{testCase.Name}”：{key}{row}{column}{value}未被花名册读取程序接受：{reject.Reason}";
    }

    private static CaseResult Error(ScreeningCase testCase, string problem) =>
        new(testCase, CaseStatus.Error, [], $"用例出错：{testCase}（第 {testCase.Line} 行）{Environment.NewLine}  {problem.Replace("\n", "\n  ", StringComparison.Ordinal)}");

    private static CaseResult Compare(ScreeningCase testCase, IReadOnlyList<Decision> decisions)
    {
        var report = new StringBuilder();
        foreach (var expectation in testCase.Expectations)
        {
            var onPath = decisions.Where(d => d.Path == expectation.Path).ToList();
            if (onPath.Any(d => Matches(expectation, d)) || (expectation.NoDecision && onPath.Count == 0))
            {
                continue;
            }

            report.AppendLine(CultureInfo.InvariantCulture, $"  路径：{expectation.Path.ToChinese()}（{expectation.Path.ToCode()}），预期写在第 {expectation.Line} 行");
            if (expectation.NoDecision)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"    结论　预期：无判定　实际：{onPath.Count} 条判定");
            }
            else if (onPath.Count == 0)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"    预期：{Describe(expectation)}");
                report.AppendLine("    实际：该路径没有判定（未申报该路径，或该员工不属于该路径的适用范围，见 docs/rules.md“Which decisions are made”）");
            }
            else
            {
                var atLevel = expectation.Level is null ? onPath : [.. onPath.Where(d => d.TargetLevelCode == expectation.Level)];
                if (atLevel.Count == 0)
                {
                    report.AppendLine(CultureInfo.InvariantCulture, $"    级别　预期：{LevelText(expectation.Level)}　实际：{string.Join("、", onPath.Select(d => LevelText(d.TargetLevelCode)))}");
                }

                foreach (var decision in atLevel)
                {
                    foreach (var line in Differences(expectation, decision))
                    {
                        report.AppendLine(CultureInfo.InvariantCulture, $"    {line}");
                    }
                }
            }

            foreach (var decision in onPath)
            {
                var earliest = decision.EarliestEligibleOn is { } day ? $"，最早可申报日期 {Day(day)}" : "";
                report.AppendLine(CultureInfo.InvariantCulture, $"  该路径的判定：{LevelText(decision.TargetLevelCode)} → {decision.Outcome.ToChinese()}{earliest}");
                foreach (var f in decision.Findings)
                {
                    // The sentence on a line of its own: it is long, and a narrow console wraps it there.
                    report.AppendLine(CultureInfo.InvariantCulture, $"    {f.RuleId}　{KindText(f.Kind)}　{f.Clause}");
                    report.AppendLine(CultureInfo.InvariantCulture, $"      {f.Message}");
                }
            }
        }

        if (report.Length == 0)
        {
            return new CaseResult(testCase, CaseStatus.Passed, decisions, $"通过：{testCase}");
        }

        return new CaseResult(testCase, CaseStatus.Failed, decisions, $"未通过：{testCase}（第 {testCase.Line} 行）{Environment.NewLine}{report.ToString().TrimEnd()}");
    }

    private static bool Matches(PathExpectation e, Decision d) =>
        !e.NoDecision
        && (e.Outcome is null || e.Outcome == d.Outcome)
        && (!e.StatesEarliestEligibleOn || e.EarliestEligibleOn == d.EarliestEligibleOn)
        && (e.Level is null || e.Level == d.TargetLevelCode)
        && e.Rules.All(r => d.Findings.Any(f => f.RuleId == r))
        && !e.AbsentRules.Any(r => d.Findings.Any(f => f.RuleId == r));

    private static IEnumerable<string> Differences(PathExpectation e, Decision d)
    {
        var level = d.TargetLevelCode.Length > 0 ? $"（{LevelText(d.TargetLevelCode)}）" : "";
        if (e.Outcome is { } outcome && outcome != d.Outcome)
        {
            yield return $"结论{level}　预期：{outcome.ToChinese()}　实际：{d.Outcome.ToChinese()}";
        }

        if (e.StatesEarliestEligibleOn && e.EarliestEligibleOn != d.EarliestEligibleOn)
        {
            yield return $"最早可申报日期{level}　预期：{Day(e.EarliestEligibleOn)}　实际：{Day(d.EarliestEligibleOn)}";
        }

        foreach (var rule in e.Rules.Where(r => !d.Findings.Any(f => f.RuleId == r)))
        {
            yield return $"规则{level}　预期含 {rule}　实际：该判定没有 {rule} 的结论";
        }

        foreach (var rule in e.AbsentRules.Where(r => d.Findings.Any(f => f.RuleId == r)))
        {
            yield return $"规则{level}　预期不含 {rule}　实际：{string.Join("；", d.Findings.Where(f => f.RuleId == rule).Select(f => $"{KindText(f.Kind)} {f.Message}"))}";
        }
    }

    private static string Describe(PathExpectation e)
    {
        var parts = new List<string>();
        if (e.Level is not null)
        {
            parts.Add($"级别 {LevelText(e.Level)}");
        }

        if (e.Outcome is { } o)
        {
            parts.Add($"结论 {o.ToChinese()}");
        }

        if (e.StatesEarliestEligibleOn)
        {
            parts.Add($"最早可申报日期 {Day(e.EarliestEligibleOn)}");
        }

        if (e.Rules.Count > 0)
        {
            parts.Add($"含规则 {string.Join("、", e.Rules)}");
        }

        if (e.AbsentRules.Count > 0)
        {
            parts.Add($"不含规则 {string.Join("、", e.AbsentRules)}");
        }

        return string.Join("，", parts);
    }

    private static string LevelText(string? code) =>
        code is null or "" ? "（无级别）"
        : Vocabulary.TryParse<TitleLevel>(code, out var t) ? t.ToChinese()
        : Vocabulary.TryParse<SkillLevel>(code, out var s) ? s.ToChinese()
        : code;

    private static string Day(DateOnly? day) => day is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "无";

    private static string KindText(FindingKind kind) => kind switch
    {
        FindingKind.Met => "满足",
        FindingKind.Info => "说明",
        FindingKind.Flag => "提示",
        FindingKind.NeedsReview => "需复核",
        FindingKind.Failed => "不满足",
        _ => kind.ToString(),
    };
}

/// <summary>How a case ended.</summary>
public enum CaseStatus
{
    /// <summary>Every expectation was met.</summary>
    Passed,

    /// <summary>Some expectation was not met; the report says which.</summary>
    Failed,

    /// <summary>The case could not run: a fact the roster rejects, a plug-in missing or refused, bad options.</summary>
    Error,
}

/// <summary>The result of one case (docs/test-cases.md).</summary>
public sealed class CaseResult
{
    internal CaseResult(ScreeningCase testCase, CaseStatus status, IReadOnlyList<Decision> decisions, string report)
    {
        Case = testCase;
        Status = status;
        Decisions = decisions;
        Report = report;
    }

    /// <summary>The case.</summary>
    public ScreeningCase Case { get; }

    /// <summary>Passed, failed or a case error.</summary>
    public CaseStatus Status { get; }

    /// <summary>Whether every expectation was met.</summary>
    public bool Passed => Status == CaseStatus.Passed;

    /// <summary>Every decision the case's employee got.</summary>
    public IReadOnlyList<Decision> Decisions { get; }

    /// <summary>
    /// What a person reads, in Chinese: for a failure, each path whose expectation was not met, what was expected,
    /// what came, and that decision's findings (rule id, clause, sentence); for a case error, why it could not run.
    /// </summary>
    public string Report { get; }
}
