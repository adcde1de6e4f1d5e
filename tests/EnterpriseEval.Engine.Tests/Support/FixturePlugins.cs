using System.Text.Json;

namespace EnterpriseEval.Engine.Tests.Support;

/// <summary>
/// Assembles plug-in folders for a test from the fixture plug-ins the build published to
/// <c>artifacts/test-plugins/</c>: the real built assemblies, with a manifest written by the test.
/// </summary>
internal sealed class FixturePlugins : IDisposable
{
    public const string Misbehaving = "fixture-misbehaving";
    public const string OldJson = "fixture-oldjson";
    public const string NewerExtensions = "fixture-newer-extensions";

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "eeval-plugins-" + Guid.NewGuid().ToString("N"));

    public static string Root { get; } = FindArtifacts();

    /// <summary>Adds a plug-in folder <paramref name="id"/> made of fixture <paramref name="fixture"/>'s files.</summary>
    public string Add(string id, string fixture, string entryType, string? sdkVersion = "1.1.0", object? authorisation = null, string[]? enterpriseCodes = null)
    {
        var folder = Path.Combine(Directory, id);
        System.IO.Directory.CreateDirectory(folder);
        var source = Path.Combine(Root, fixture);
        foreach (var file in System.IO.Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var assembly = System.IO.Directory.EnumerateFiles(source, "Fixture.*.dll").Single();
        var manifest = new Dictionary<string, object?>
        {
            ["id"] = id,
            ["name"] = "测试插件 " + id,
            ["enterprise"] = "测试企业",
            ["version"] = "1.0.0",
            ["sdkVersion"] = sdkVersion,
            ["assembly"] = Path.GetFileName(assembly),
            ["entryType"] = entryType,
            ["authorisation"] = authorisation,
            ["scope"] = enterpriseCodes is null ? null : new { enterpriseCodes },
        };
        File.WriteAllText(Path.Combine(folder, "plugin.json"), JsonSerializer.Serialize(manifest));
        return folder;
    }

    public static object Authorisation(string highestLevel, string validFrom = "2024-01-01", string validUntil = "2027-12-31") => new
    {
        body = "江西省人力资源和社会保障厅",
        documentNo = "赣人社字〔2024〕1号",
        series = new[] { "engineering" },
        highestLevel,
        validFrom,
        validUntil,
    };

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Loaded assemblies may still be mapped; a leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string FindArtifacts()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "artifacts", "test-plugins");
            if (File.Exists(Path.Combine(dir.FullName, "EnterpriseEval.sln")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("EnterpriseEval.sln not found above the test output folder.");
    }
}
