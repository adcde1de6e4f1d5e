using System.Reflection;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Tests.Api;

/// <summary>
/// Plug-in authors compile against the SDK for years: its public surface is declared in
/// <c>sdk/EnterpriseEval.Sdk/PublicAPI.Shipped.txt</c> and <c>PublicAPI.Unshipped.txt</c>, and the
/// Microsoft.CodeAnalysis.PublicApiAnalyzers fail the build on any change not declared there (RS0016, RS0017;
/// docs/plugin-authoring.md "Versioning"). XML docs on every public member are enforced by the compiler
/// (GenerateDocumentationFile, CS1591 as an error). These tests hold what the analyzer cannot: that the files stay wired
/// to the assembly, and that what only the host needs stays out of the plug-in surface.
/// </summary>
public sealed class SdkSurfaceTests
{
    [Fact]
    public void Every_public_type_of_the_SDK_is_declared_in_its_PublicAPI_files_and_nothing_else_is()
    {
        var declared = DeclaredTypes(Path.Combine(RepoRoot(), "sdk", "EnterpriseEval.Sdk"));
        var exported = typeof(SdkInfo).Assembly.GetExportedTypes().Select(ApiName).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(exported.Except(declared).Order(StringComparer.Ordinal));
        Assert.Empty(declared.Except(exported).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void What_only_the_host_runs_is_not_part_of_the_plugin_surface()
    {
        // The engine runs the statutory floor and composes the outcome once, after the plug-in criteria; the roster
        // reader parses 是/否. A plug-in only adds criteria that tighten a decision (docs/plugin-authoring.md "Versioning").
        Assert.False(typeof(StatutoryRuleSet).IsVisible);
        Assert.DoesNotContain(
            typeof(Decision).GetMethods(BindingFlags.Public | BindingFlags.Static),
            m => m.Name == "Evaluate");
        Assert.DoesNotContain(
            typeof(Vocabulary).GetMethods(BindingFlags.Public | BindingFlags.Static),
            m => m.Name == "TryParseYesNo");
        Assert.DoesNotContain(
            typeof(SdkInfo).Assembly.GetExportedTypes(),
            t => t.Namespace == "EnterpriseEval.Sdk.Rules");
    }

    [Fact]
    public void What_plugins_use_stays_public()
    {
        // The shipped plug-ins parse their configured tables and cite clauses with these (plugins/*/Pay).
        Assert.Contains(
            typeof(Vocabulary).GetMethods(BindingFlags.Public | BindingFlags.Static),
            m => m.Name == nameof(Vocabulary.TryParse));
        Assert.Contains(
            typeof(Vocabulary).GetMethods(BindingFlags.Public | BindingFlags.Static),
            m => m.Name == nameof(Vocabulary.Describe));
        Assert.True(typeof(Finding).IsPublic);
        Assert.True(typeof(PostEquivalence).IsPublic);
    }

    [Fact]
    public void The_declared_API_tracks_nullable_annotations()
    {
        foreach (var project in new[] { "sdk/EnterpriseEval.Sdk", "sdk/EnterpriseEval.Sdk.Testing", "host/EnterpriseEval.Engine" })
        {
            foreach (var file in new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" })
            {
                var path = Path.Combine(RepoRoot(), project, file);
                Assert.True(File.Exists(path), $"{project}/{file} is missing.");
                Assert.Equal("#nullable enable", File.ReadLines(path).First());
            }
        }
    }

    // A type's line in the PublicAPI files: its full name with '.' for nesting and <T> for type parameters.
    private static string ApiName(Type t)
    {
        var name = t.IsNested ? ApiName(t.DeclaringType!) + "." + t.Name : t.Namespace + "." + t.Name;
        var tick = name.LastIndexOf('`');
        return tick < 0
            ? name
            : name[..tick] + "<" + string.Join(", ", t.GetGenericArguments().Skip(t.DeclaringType?.GetGenericArguments().Length ?? 0).Select(a => a.Name)) + ">";
    }

    // Type lines have no signature (no space, no parenthesis); a *REMOVED* line takes a shipped type back out.
    private static HashSet<string> DeclaredTypes(string projectDir)
    {
        var lines = File.ReadLines(Path.Combine(projectDir, "PublicAPI.Shipped.txt"))
            .Concat(File.ReadLines(Path.Combine(projectDir, "PublicAPI.Unshipped.txt")))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();
        const string Removed = "*REMOVED*";
        static bool IsType(string line) => !line.Contains(' ', StringComparison.Ordinal) && !line.Contains('(', StringComparison.Ordinal);
        var removed = lines.Where(l => l.StartsWith(Removed, StringComparison.Ordinal)).Select(l => l[Removed.Length..]).Where(IsType);
        var types = lines.Where(l => !l.StartsWith(Removed, StringComparison.Ordinal)).Where(IsType).ToHashSet(StringComparer.Ordinal);
        types.ExceptWith(removed);
        return types;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EnterpriseEval.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EnterpriseEval.sln not found.");
    }
}
