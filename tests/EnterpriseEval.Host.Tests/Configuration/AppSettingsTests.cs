using System.Text.Json;
using EnterpriseEval.Host.Tests.Support;
using EnterpriseEval.Sdk.Screening;
using Microsoft.Extensions.Configuration;

namespace EnterpriseEval.Host.Tests.Configuration;

public sealed class AppSettingsTests
{
    [Fact]
    public void The_shipped_appsettings_carry_exactly_the_project_defaults_of_the_SDK()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepoPaths.Root, "host", "EnterpriseEval.Host", "appsettings.json"))
            .Build();
        var bound = new PolicyOptions();
        configuration.GetSection(PolicyOptions.SectionName).Bind(bound);

        Assert.Equal(Canonical(PolicyOptions.ProjectDefaults()), Canonical(bound));
    }

    /// <summary>The options as JSON with dictionary keys in order (binding follows the file's key order).</summary>
    private static string Canonical(PolicyOptions o) => JsonSerializer.Serialize(new
    {
        CumulativeWorkYears = new SortedDictionary<string, int>(o.CumulativeWorkYears, StringComparer.Ordinal),
        ByOccupation = new SortedDictionary<string, SortedDictionary<string, int>>(
            o.CumulativeWorkYearsByOccupation.ToDictionary(kv => kv.Key, kv => new SortedDictionary<string, int>(kv.Value, StringComparer.Ordinal)),
            StringComparer.Ordinal),
        RelatedMajors = new SortedDictionary<string, List<string>>(o.RelatedMajors, StringComparer.Ordinal),
        o.GreenChannelHonours,
        OccupationSeries = new SortedDictionary<string, string>(o.OccupationSeries, StringComparer.Ordinal),
        o.DefaultSeries,
    });
}
