using EnterpriseEval.Engine.Documents;
using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Plugins;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Engine.Plugins;

/// <summary>
/// What <c>eeval plugins validate</c> checks of a loaded plug-in beyond loading it: a coherent authorisation,
/// criteria with ids and citations, every criterion run once on a sample decision of each path it applies to, and its
/// pay tables on a sample employee; of the whole set, every template as a run loads it and template conflicts between
/// plug-ins (docs/plugins.md, "Checking before deploying").
/// </summary>
internal static class PluginSelfCheck
{
    public static IReadOnlyList<string> Problems(LoadedPlugin plugin, TimeSpan limit)
    {
        var problems = new List<string>();
        var id = plugin.Manifest.Id;

        // Every call below is into the plug-in's code (docs/plugins.md, "Process isolation").
        using var marked = PluginCallMarker.Enter(plugin.Marker);
        if (plugin.Manifest.Authorisation is { } a)
        {
            if (a.ValidFrom > a.ValidUntil)
            {
                problems.Add($"插件 {id}：授权有效期起始日晚于截止日");
            }

            if (a.Series.Any(s => !s.IsThroughSeries()))
            {
                problems.Add($"插件 {id}：授权系列含非贯通系列（人社部发〔2020〕96号 二（一））");
            }
        }

        var criteria = plugin.Composition.Criteria;
        foreach (var dup in criteria.GroupBy(c => c.Id).Where(g => g.Count() > 1))
        {
            problems.Add($"插件 {id}：条件编号 {dup.Key} 重复");
        }

        foreach (var c in criteria)
        {
            if (string.IsNullOrWhiteSpace(c.Id) || string.IsNullOrWhiteSpace(c.Citation))
            {
                problems.Add($"插件 {id}：条件 {c.GetType().Name} 缺少编号或依据");
                continue;
            }

            foreach (var path in Enum.GetValues<ScreeningPath>().Where(c.AppliesTo))
            {
                if (TryOnSample(plugin.Marker, c, path, limit) is { } problem)
                {
                    // One problem per criterion is enough to refuse it, and a hanging one should cost the limit once.
                    problems.Add($"插件 {id}：条件 {c.Id} 在{path.ToChinese()}样例上{problem}");
                    break;
                }
            }
        }

        if (plugin.Composition.PayTables is { } tables)
        {
            problems.AddRange(PayTableProblems(id, plugin.Marker, tables, limit));
        }

        return problems;
    }

    /// <summary>
    /// Every template the set's runs would use, loaded and checked as <c>notices</c> and the review's documents load them
    /// (syntax, and every name against the kind's model): for each group of plug-ins that govern the same employees
    /// (docs/plugins.md, "Scope"; the whole set when no plug-in declares a scope) and each plug-in alone (a template a
    /// conflict keeps out of a group's load is still checked); and every kind and format replaced by two plug-ins whose
    /// scopes overlap (a plug-in without a scope overlaps every other). Two plug-ins with disjoint scopes replacing the
    /// same template are no conflict: no employee gets both.
    /// </summary>
    public static IReadOnlyList<string> TemplateProblems(IReadOnlyList<LoadedPlugin> plugins)
    {
        var problems = new List<string>();
        var conflicts = plugins
            .SelectMany(p => p.Composition.Templates.Select(t => (Plugin: p, Template: t)))
            .GroupBy(t => (t.Template.Kind, t.Template.Format))
            .Select(g => (g.Key.Kind, g.Key.Format, Overlapping: Overlapping([.. g])))
            .Where(g => g.Overlapping.Count > 1)
            .ToList();
        foreach (var (kind, format, overlapping) in conflicts)
        {
            var name = DocumentKindRegistry.Default.TryFind(kind, out var d) ? $"{d.ChineseName}（{kind.Code}）" : kind.Code;
            var ids = overlapping.Select(t => t.Plugin.Manifest.Id).Distinct(StringComparer.Ordinal).ToList();
            var files = overlapping.Select(t => $"{t.Plugin.Manifest.Id} 的 {Path.GetRelativePath(t.Template.IncludeRoot, t.Template.Path)}");
            var scopes = overlapping.Select(t => t.Plugin).Distinct().Select(p => $"{p.Manifest.Id}：{PluginScope.Describe(p.Manifest.Scope)}");
            problems.Add(
                $"模板冲突：{name}的 {DefaultTemplates.Extension(format)} 模板由插件 {string.Join("、", ids)} 同时替换（{string.Join("；", files)}），" +
                $"而它们适用的员工范围重叠（{string.Join("；", scopes)}），同一员工只能用其中一个；" +
                "请在各插件的 plugin.json 中声明互不重叠的适用范围（scope.enterpriseCodes），或分别放在不同的插件文件夹中使用");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var conflictsIn = conflicts.Count > 0;
        var groups = PluginSet.Empty.Subset(plugins).Scopes.Groups.Select(g => g.Loaded).Where(g => g.Count > 0);
        foreach (var group in (IEnumerable<IReadOnlyList<LoadedPlugin>>)[.. groups, .. plugins.Select(p => (IReadOnlyList<LoadedPlugin>)[p])])
        {
            foreach (var error in LoadErrors(group))
            {
                // A group's load repeats a conflict as an error of the later plug-in: the line above says it once.
                if (conflictsIn && error.EndsWith("不能重复替换", StringComparison.Ordinal))
                {
                    continue;
                }

                if (seen.Add(error))
                {
                    problems.Add(error);
                }
            }
        }

        return problems;
    }

    // The replacements of one kind and format by plug-ins that share an employee with another that replaces it too.
    private static List<(LoadedPlugin Plugin, TemplateOverride Template)> Overlapping(List<(LoadedPlugin Plugin, TemplateOverride Template)> replacing) =>
        [.. replacing.Where(a => replacing.Any(b => b.Plugin != a.Plugin && PluginScope.Overlap(a.Plugin.Manifest.Scope, b.Plugin.Manifest.Scope)))];

    /// <summary>The errors of loading these plug-ins' templates over the SDK defaults, with their functions, as a run does.</summary>
    private static IEnumerable<string> LoadErrors(IReadOnlyList<LoadedPlugin> plugins)
    {
        var functions = new Dictionary<string, Delegate>(StringComparer.Ordinal);
        try
        {
            foreach (var p in plugins)
            {
                foreach (var (name, function) in p.Composition.TemplateFunctions)
                {
                    functions[name] = GuardedTemplateFunction.Wrap(p.Manifest.Id, name, function);
                }
            }

            TemplateCatalog.Load(plugins.SelectMany(p => p.Composition.Templates), functions);
            return [];
        }
        catch (PluginLoadException e)
        {
            return [e.Message];
        }
        catch (TemplateLoadException e)
        {
            return e.Errors.Select(x => x.Origin == TemplateCatalog.DefaultOrigin ? $"模板：{x}" : $"插件 {x}");
        }
    }

    /// <summary>
    /// The plug-in's wage and allowance items for a sample employee, not appointed and appointed 技师 (比照中级), each
    /// call guarded (<see cref="PluginCall"/>) and within <paramref name="limit"/>.
    /// </summary>
    private static IEnumerable<string> PayTableProblems(string id, int marker, IPayTables tables, TimeSpan limit)
    {
        var asOf = new DateOnly(2026, 12, 31);
        var record = SampleRecord();
        var appointed = new PostEquivalence
        {
            EmployeeId = record.Employee.EmployeeId,
            Name = record.Employee.Name,
            AppointedSkillLevel = SkillLevel.Technician,
            EquivalentTitleLevel = TitleLevel.Intermediate,
            AppointedFrom = new DateOnly(2024, 1, 1),
            Finding = Finding.Create("R12", "96/2.5", FindingKind.Met, "自检样例：在聘技师，比照中级"),
        };
        (string Member, Func<PostEquivalence?, IReadOnlyList<PayItem>> Call)[] members =
        [
            ("IPayTables.WageItems", e => tables.WageItems(record, e, asOf)),
            ("IPayTables.AllowanceItems", e => tables.AllowanceItems(record, e, asOf)),
        ];
        foreach (var (member, call) in members)
        {
            foreach (var equivalence in (PostEquivalence?[])[null, appointed])
            {
                var sample = equivalence is null ? "未聘样例" : "在聘技师样例";
                var run = Task.Run(() =>
                {
                    using var marked = PluginCallMarker.Enter(marker);
                    var items = PluginCall.Run(id, member, () => call(equivalence), null!, null, out var failed);
                    return (items, failed);
                });
                if (!run.Wait(limit))
                {
                    yield return $"插件 {id}：{member} 在{sample}上超过 {limit.TotalMilliseconds:0} 毫秒未返回";
                    break;
                }

                var (items, problem) = run.Result;
                if (problem is not null)
                {
                    yield return $"{problem}（{sample}）";
                    break;
                }

                if (items is null || items.Any(i => i is null || string.IsNullOrWhiteSpace(i.Name)))
                {
                    yield return $"插件 {id}：{member} 在{sample}上返回了空列表引用或无名称的项目";
                    break;
                }
            }
        }
    }

    private static string? TryOnSample(int marker, ICriterion criterion, ScreeningPath path, TimeSpan limit)
    {
        var asOf = new DateOnly(2026, 12, 31);
        var record = SampleRecord();
        var decision = new Decision
        {
            EmployeeId = "SELFCHECK",
            Name = "自检样例",
            Path = path,
            TargetTitleLevel = path is ScreeningPath.SkillToTitle or ScreeningPath.GreenChannel ? TitleLevel.Intermediate : null,
            TargetSkillLevel = path is ScreeningPath.TitleToSkill or ScreeningPath.SkillPromotion ? SkillLevel.Technician : null,
            TargetSeries = TitleSeries.Engineering,
            Outcome = Outcome.Eligible,
            Findings = [],
        };
        var run = Task.Run(() =>
        {
            using var marked = PluginCallMarker.Enter(marker);
            return criterion.Evaluate(new CriterionContext(criterion, record, decision, asOf));
        });
        try
        {
            if (!run.Wait(limit))
            {
                return $"超过 {limit.TotalMilliseconds:0} 毫秒未返回";
            }

            return run.Result is { } f && (f.RuleId != criterion.Id || f.Clause != criterion.Citation)
                ? "返回了不属于本条件的结论"
                : null;
        }
        catch (AggregateException e)
        {
            return $"出错（{e.InnerException?.GetType().Name}: {e.InnerException?.Message}）";
        }
    }

    private static EmployeeRecord SampleRecord() => new()
    {
        Employee = new Employee
        {
            EmployeeId = "SELFCHECK",
            Name = "自检样例",
            HireDate = new DateOnly(2010, 1, 1),
            PostCategory = PostCategory.Skill,
            Frontline = true,
            Occupation = "车工",
        },
    };
}
