using System.Text.RegularExpressions;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Plugins;
using EnterpriseEval.Sdk.Screening;
using EnterpriseEval.Sdk.Tables;

namespace EnterpriseEval.Engine.Plugins;

/// <summary>
/// What a plug-in declares, checked once at load, before any of its criteria runs (docs/plugins.md, "The statutory
/// floor"): a criterion may not take the id of a statutory rule or of the runtime (R1…R12, AUTH, PLUGIN) nor cite a
/// statutory clause (a forged 「…（96/2.2.1）」 would read as the law), its members must be readable, and a years option
/// may tighten the host's configured value but never go below it. Any breach refuses the plug-in, naming it and the
/// member or option.
/// </summary>
internal static partial class PluginGuards
{
    private static readonly HashSet<string> RuntimeIds = new(StringComparer.OrdinalIgnoreCase)
    {
        CriteriaStage.AuthorisationRuleId, CriteriaStage.GuardRuleId,
    };

    private static readonly HashSet<string> StatutoryClauses = new(StringComparer.OrdinalIgnoreCase)
    {
        Clauses.Balance, Clauses.ThroughSeries, Clauses.SkillToTitle, Clauses.GreenChannel, Clauses.TitleToSkill,
        Clauses.Equivalence, Clauses.JiangxiSeries, Clauses.ProjectDefault, CriteriaStage.AuthorisationClause,
    };

    /// <summary>Refuses the plug-in (<see cref="PluginLoadException"/>) when what it declares breaks the floor.</summary>
    /// <param name="id">The plug-in's id.</param>
    /// <param name="composition">What it contributed.</param>
    /// <param name="floor">The host's own policy configuration (<c>EnterpriseEval:Policy</c>).</param>
    /// <param name="folder">The plug-in's folder: every file it names (templates) must lie inside it.</param>
    public static void Check(string id, PluginComposition composition, PolicyOptions floor, string? folder = null)
    {
        foreach (var template in composition.Templates)
        {
            // The same rule as the manifest's assembly path and template includes: no "..", no absolute path, no link out
            // of the folder, so plugins.lock and a review batch cover every file that renders (docs/plugins.md).
            if (folder is not null && !FileSystem.RealPaths.IsInside(template.Path, folder))
            {
                throw new PluginLoadException(id, $"UseTemplate 指定的模板“{Path.GetRelativePath(folder, template.Path)}”不在插件自己的文件夹内：插件只能使用其文件夹中的模板");
            }
        }

        foreach (var (name, function) in composition.TemplateFunctions)
        {
            // Every template function must be one the guard can wrap (Func of up to four parameters).
            GuardedTemplateFunction.Wrap(id, name, function);
        }

        foreach (var criterion in composition.Criteria)
        {
            var criterionId = Read(id, criterion, "Id", () => criterion.Id);
            var citation = Read(id, criterion, "Citation", () => criterion.Citation);
            Read(id, criterion, "Topic", () => criterion.Topic);
            if (RuntimeIds.Contains(criterionId.Trim()) || StatutoryId().IsMatch(criterionId))
            {
                throw new PluginLoadException(id, $"条件编号“{criterionId}”是法定规则或系统保留的编号，插件的条件须使用本单位自己的编号");
            }

            if (StatutoryClauses.Contains(citation.Trim()) || StatutoryClause().IsMatch(citation))
            {
                throw new PluginLoadException(id, $"条件 {criterionId} 引用的“{citation}”是法定条款编号：插件的条件须引用本单位的制度条款，不能以法定条款的名义作出结论");
            }
        }

        CheckExtraTables(id, composition.ExtraTables);

        foreach (var (occupation, years) in composition.Policy.Years)
        {
            foreach (var (level, n) in years)
            {
                if (FloorOf(floor, occupation, level) is { } minimum && n < minimum)
                {
                    throw new PluginLoadException(
                        id,
                        $"SetCumulativeWorkYears（{occupation}，{level.ToChinese()}）设为{n}年，低于本单位配置的{minimum}年（EnterpriseEval:Policy:CumulativeWorkYears，人社部发〔2020〕96号 二（四））：插件只能收紧条件，不能放宽");
                }
            }
        }
    }

    /// <summary>
    /// The extra tables a plug-in declares (docs/plugin-authoring.md, "Reading extra columns and files"): each sound on
    /// its own (names, columns, code lists: <see cref="ExtraTable.Problems"/>), none named like a roster file, none twice.
    /// </summary>
    private static void CheckExtraTables(string id, IReadOnlyList<ExtraTable> tables)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in tables)
        {
            var name = $"额外数据表 {table.Name}（{table.ChineseName}）的声明有误：";
            if (table.Problems.Count > 0)
            {
                throw new PluginLoadException(id, name + string.Join("；", table.Problems));
            }

            if (Roster.RosterImport.IsRosterTable(table.Name))
            {
                throw new PluginLoadException(id, $"{name}文件名 {table.Name}.csv 是花名册本身的文件（docs/roster.md），插件的额外数据表须另起文件名");
            }

            if (!names.Add(table.Name))
            {
                throw new PluginLoadException(id, $"{name}同名的表声明了两次");
            }
        }
    }

    // The host's years for an occupation and level: its per-occupation value, else its general one.
    private static int? FloorOf(PolicyOptions floor, string occupation, SkillLevel level)
    {
        if (floor.CumulativeWorkYearsByOccupation.TryGetValue(occupation, out var table) && Lookup(table, level) is { } own)
        {
            return own;
        }

        return Lookup(floor.CumulativeWorkYears, level);
    }

    private static int? Lookup(Dictionary<string, int> table, SkillLevel level)
    {
        foreach (var (key, value) in table)
        {
            if (Vocabulary.TryParse<SkillLevel>(key, out var parsed) && parsed == level)
            {
                return value;
            }
        }

        return null;
    }

    // A getter that throws is the plug-in's fault, found at load rather than in the middle of a run.
    private static T Read<T>(string id, ICriterion criterion, string member, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e)
        {
            throw new PluginLoadException(id, $"条件 {criterion.GetType().Name} 的 {member} 读取出错（{e.GetType().Name}）", e);
        }
    }

    [GeneratedRegex(@"^\s*R\s*\d+\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex StatutoryId();

    [GeneratedRegex(@"^\s*(96|227)\s*/", RegexOptions.IgnoreCase)]
    private static partial Regex StatutoryClause();
}
