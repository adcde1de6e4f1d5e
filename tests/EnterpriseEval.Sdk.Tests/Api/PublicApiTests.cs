using EnterpriseEval.Sdk;

namespace EnterpriseEval.Sdk.Tests.Api;

/// <summary>
/// Plug-in authors compile against the SDK for years: its public surface changes only on purpose. The checked-in
/// baseline <c>sdk/EnterpriseEval.Sdk/PublicAPI.txt</c> lists it; after an intended change, regenerate it with
/// <c>EEVAL_UPDATE_API=1 dotnet test tests/EnterpriseEval.Sdk.Tests --filter PublicApi</c> and review the diff.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_surface_of_the_SDK_matches_the_checked_in_baseline()
    {
        var actual = PublicApi.Describe(typeof(SdkInfo).Assembly);
        var path = Path.Combine(RepoRoot(), "sdk", "EnterpriseEval.Sdk", "PublicAPI.txt");
        if (Environment.GetEnvironmentVariable("EEVAL_UPDATE_API") == "1")
        {
            File.WriteAllText(path, actual);
        }

        var expected = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        var added = actual.Split('\n').Except(expected.Split('\n')).ToList();
        var removed = expected.Split('\n').Except(actual.Split('\n')).ToList();
        Assert.True(
            added.Count == 0 && removed.Count == 0,
            "The SDK's public API changed without sdk/EnterpriseEval.Sdk/PublicAPI.txt being updated.\n" +
            $"Added:\n  {string.Join("\n  ", added)}\nRemoved:\n  {string.Join("\n  ", removed)}\n" +
            "If intended: EEVAL_UPDATE_API=1 dotnet test tests/EnterpriseEval.Sdk.Tests --filter PublicApi");
    }

    [Fact]
    public void The_baseline_describes_members_with_their_signatures()
    {
        var listing = PublicApi.Describe(typeof(SdkInfo).Assembly);

        Assert.Contains("interface EnterpriseEval.Sdk.Plugins.ICriterion", listing);
        Assert.Contains("  method EnterpriseEval.Sdk.Screening.Finding? Evaluate(EnterpriseEval.Sdk.Plugins.CriterionContext context)", listing);
        Assert.DoesNotContain("EnterpriseEval.Sdk.Rules.", listing);
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
