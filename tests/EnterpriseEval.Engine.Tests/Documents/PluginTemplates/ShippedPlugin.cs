using EnterpriseEval.Engine.Documents;
using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Model;
using Ganjiang.HeavyMachinery.Documents;
using Ganpower.PowerSupply.Documents;

namespace EnterpriseEval.Engine.Tests.Documents.PluginTemplates;

/// <summary>
/// A shipped plug-in's templates as its source folder holds them (<c>plugins/&lt;project&gt;/Templates</c>), with the
/// template functions the plug-in registers. The functions' code is the plug-in's own wording class, compiled into
/// this test project by a linked <c>Compile</c> item (the plug-in assemblies are loaded by path, never referenced);
/// only the name → function pairs below repeat the plug-in's <c>AddTemplateFunction</c> calls.
/// </summary>
internal sealed record ShippedPlugin(string Id, string Project, IReadOnlyDictionary<string, Delegate> Functions)
{
    internal static ShippedPlugin Ganjiang { get; } = new(
        "ganjiang-heavy",
        "Ganjiang.HeavyMachinery",
        new Dictionary<string, Delegate>(StringComparer.Ordinal)
        {
            ["ganjiang_grade_duty"] = (Func<SkillLevel, string>)GanjiangWording.GradeDuty,
            ["ganjiang_item_note"] = (Func<string, string>)GanjiangWording.ItemNote,
        });

    internal static ShippedPlugin Ganpower { get; } = new(
        "ganpower-supply",
        "Ganpower.PowerSupply",
        new Dictionary<string, Delegate>(StringComparer.Ordinal)
        {
            ["ganpower_wage_grade"] = (Func<SkillLevel, string>)GanpowerWording.WageGrade,
            ["ganpower_item_note"] = (Func<string, string>)GanpowerWording.ItemNote,
        });

    internal static IReadOnlyList<ShippedPlugin> All { get; } = [Ganjiang, Ganpower];

    private static readonly string RepoRoot = FindRepoRoot();

    /// <summary>The plug-in's source folder: the include root, as the deployed plug-in folder is at run time.</summary>
    internal string Folder => Path.Combine(RepoRoot, "plugins", Project);

    /// <summary>
    /// One override per <c>Templates/&lt;kind code&gt;.&lt;html|md&gt;.sbn</c> file (partials start with <c>_</c>), so a
    /// template added to the plug-in is tested without touching this list.
    /// </summary>
    internal IReadOnlyList<TemplateOverride> Overrides()
    {
        var overrides = new List<TemplateOverride>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(Folder, "Templates"), "*.sbn").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (name.StartsWith('_'))
            {
                continue;
            }

            if (name.Split('.') is not [var code, var extension and ("html" or "md"), "sbn"] || !DocumentKinds.TryParse(code, out var kind))
            {
                throw new InvalidDataException($"{Id} 的模板文件名“{name}”不是“文档类型代码.html.sbn”或“文档类型代码.md.sbn”");
            }

            overrides.Add(new(kind, extension == "html" ? DocumentFormat.Html : DocumentFormat.Markdown, path, Id, Folder));
        }

        return overrides;
    }

    /// <summary>The catalogue with every template of the plug-in in place and its functions registered.</summary>
    internal TemplateCatalog LoadCatalog() => TemplateCatalog.Load(Overrides(), Functions);

    public override string ToString() => Id;

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EnterpriseEval.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EnterpriseEval.sln not found above the test output folder.");
    }
}
