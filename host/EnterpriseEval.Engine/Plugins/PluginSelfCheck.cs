using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Plugins;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Engine.Plugins;

/// <summary>
/// What <c>eeval plugins validate</c> checks of a loaded plug-in beyond loading it: a coherent authorisation,
/// criteria with ids and citations, and every criterion run once on a sample decision of each path it applies to.
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

        return problems;
    }

    private static string? TryOnSample(int marker, ICriterion criterion, ScreeningPath path, TimeSpan limit)
    {
        var asOf = new DateOnly(2026, 12, 31);
        var record = new EmployeeRecord
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
}
