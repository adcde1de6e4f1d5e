using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Engine.Roster.Sources;
using EnterpriseEval.Engine.Roster.Tables;

namespace EnterpriseEval.Engine.Roster;

/// <summary>
/// <c>eeval plugins validate --roster</c>: the extra tables the plug-ins declare, held against a sample roster's files
/// before a screening would stop on them (docs/plugins.md, "Checking before deploying"): a declared file the roster has
/// must carry the 工号 column and every required column, once each.
/// </summary>
internal static class ExtraTableCheck
{
    /// <summary>One Chinese line per declared table whose file in <paramref name="roster"/> a screening would refuse.</summary>
    public static IReadOnlyList<string> Problems(PluginSet plugins, ITableSource roster)
    {
        var problems = new List<string>();
        foreach (var plugin in plugins.Loaded)
        {
            foreach (var table in plugin.Composition.ExtraTables)
            {
                if (!roster.Contains(table.Name))
                {
                    continue;
                }

                try
                {
                    using var reader = roster.Open(table.Name);
                    if (reader.Header.Count > 0)
                    {
                        HeaderMap.Create(reader.Name, reader.Header, new ExtraTableReader(table).Schema);
                    }
                }
                catch (RosterException e)
                {
                    problems.Add($"插件 {plugin.Manifest.Id}：额外数据表 {table.Name}（{table.ChineseName}）与样例花名册不符：{e.Message}");
                }
            }
        }

        return problems;
    }
}
