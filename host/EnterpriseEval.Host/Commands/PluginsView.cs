using EnterpriseEval.Host.Cli;
using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Plugins;
using Spectre.Console;

namespace EnterpriseEval.Host.Commands;

/// <summary>The table of plug-ins shown by <c>plugins list</c> and <c>plugins validate</c>.</summary>
internal static class PluginsView
{
    public static void Render(IAnsiConsole console, PluginSet plugins)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("插件").AddColumn("版本").AddColumn("企业").AddColumn("自主评审授权").AddColumn("贡献");
        foreach (var p in plugins.Loaded)
        {
            var m = p.Manifest;
            table.AddRow(
                $"{ConsoleText.Escape(m.Id)}\n{ConsoleText.Escape(m.Name)}",
                $"{m.Version}\nSDK {m.SdkVersion}",
                ConsoleText.Escape(m.Enterprise),
                ConsoleText.Escape(m.Authorisation?.Describe() ?? "未声明"),
                string.Join('\n', Contributions(p.Composition).Split('\n').Select(ConsoleText.Escape)));
        }

        console.Write(table);

        // Which employees each plug-in governs (docs/plugins.md, "Scope"), and what those outside every scope get.
        foreach (var p in plugins.Loaded)
        {
            console.MarkupLine($"适用范围：插件 {ConsoleText.Escape(p.Manifest.Id)} 适用于{ConsoleText.Escape(PluginScope.Describe(p.Manifest.Scope))}");
        }

        if (plugins.Scopes.Scoped)
        {
            var everyone = plugins.Scopes.Groups[0].Loaded;
            console.MarkupLine(everyone.Count == 0
                ? "适用范围：单位代码（enterprise_code）不属于上述任何插件的员工，仅执行法定规则，使用默认文书模板"
                : $"适用范围：单位代码（enterprise_code）不属于上述任何插件的员工，仅适用未声明适用范围的插件 {ConsoleText.Escape(string.Join("、", everyone.Select(p => p.Manifest.Id)))}");
        }

        // The columns of every extra table, below the table: too long for a cell (docs/roster.md, "Files for plug-ins").
        foreach (var p in plugins.Loaded)
        {
            foreach (var t in p.Composition.ExtraTables)
            {
                console.MarkupLine(ConsoleText.Escape($"插件 {p.Manifest.Id} 的额外数据表 {t.Name}.csv（{t.ChineseName}）：{string.Join("，", t.Columns.Select(Describe))}"));
            }
        }

        foreach (var refused in plugins.Refused)
        {
            console.MarkupLine($"[yellow]未加载：[/]{ConsoleText.Escape(refused.Message)}");
        }

        // The host's review authorisation, and every manifest claim narrowed to it (docs/plugins.md, "Review authorisation").
        console.MarkupLine($"本单位自主评审授权（主机配置）：{ConsoleText.Escape(plugins.HostAuthorisation?.Describe() ?? "未配置")}");
        foreach (var warning in plugins.Warnings)
        {
            console.MarkupLine($"[yellow]注意：[/]{ConsoleText.Escape(warning)}");
        }
    }

    private static string Contributions(PluginComposition c)
    {
        var lines = c.Criteria.Select(x => $"条件 {x.Id}：{x.Citation}").ToList();
        if (c.Scoring is not null)
        {
            lines.Add("业绩评分");
        }

        if (c.PostGrades is not null)
        {
            lines.Add("内部岗位等级对照");
        }

        if (c.Policy.Occupations.Count > 0)
        {
            lines.Add($"职业工种与职称专业对应 {c.Policy.Occupations.Count} 项");
        }

        if (c.Policy.RelatedMajors.Count > 0)
        {
            lines.Add($"相关专业 {c.Policy.RelatedMajors.Count} 项");
        }

        if (c.Policy.Years.Count > 0)
        {
            lines.Add($"分工种累计工作年限 {c.Policy.Years.Count} 项");
        }

        // What notices and the review's documents will use (docs/plugins.md, "Checking before deploying").
        foreach (var t in c.Templates)
        {
            var name = DocumentKindRegistry.Default.TryFind(t.Kind, out var kind) ? kind.ChineseName : t.Kind.Code;
            lines.Add($"模板 {name} {t.Kind.Code}.{DefaultTemplates.Extension(t.Format).TrimStart('.')}");
        }

        lines.Add(c.PayTables is null ? "薪酬津贴标准：无" : "薪酬津贴标准：有（薪酬调整、津贴发放通知）");

        // The further roster files the plug-in reads, typed (docs/roster.md, "Files for plug-ins").
        foreach (var t in c.ExtraTables)
        {
            lines.Add($"额外数据表 {t.Name}.csv（{t.ChineseName}）");
        }

        return string.Join('\n', lines);
    }

    private static string Describe(EnterpriseEval.Sdk.Tables.ExtraColumn column)
    {
        var type = column.Type switch
        {
            EnterpriseEval.Sdk.Tables.ExtraColumnType.Date => "日期",
            EnterpriseEval.Sdk.Tables.ExtraColumnType.Integer => "整数",
            EnterpriseEval.Sdk.Tables.ExtraColumnType.Decimal => "数字",
            EnterpriseEval.Sdk.Tables.ExtraColumnType.Code => $"代码：{string.Join("/", column.Codes.Select(v => v.ChineseName))}",
            _ => "文本",
        };
        return $"{column.Name}（{column.ChineseName}，{type}{(column.Required ? "，必填" : "")}）";
    }
}
