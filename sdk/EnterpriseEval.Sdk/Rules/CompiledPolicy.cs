using System.Collections.Concurrent;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Rules;

/// <summary>
/// <see cref="PolicyOptions"/> validated once and turned into typed lookups, so that screening a million
/// employees never parses a configuration string again.
/// </summary>
internal sealed class CompiledPolicy
{
    // Sanity bound for configured years; a larger value is certainly a typing error.
    private const int MaxYears = 50;

    // OccupationSeries values may name a specialty after the series: 工程/机械工程.
    private static readonly char[] SpecialtySeparators = ['/', '／'];

    private readonly Dictionary<SkillLevel, int> _years;
    private readonly Dictionary<string, Dictionary<SkillLevel, int>> _yearsByOccupation;
    private readonly Dictionary<string, HashSet<string>> _relatedMajors;
    private readonly HashSet<HonourKind> _greenChannelHonours;
    private readonly Dictionary<string, SeriesCorrespondence> _occupationSeries;
    private readonly TitleSeries? _defaultSeries;

    // Occupations nothing declares, met while screening: one correspondence (and finding) per occupation, not per row.
    private readonly ConcurrentDictionary<string, SeriesCorrespondence> _undeclared = new(StringComparer.Ordinal);

    private CompiledPolicy(
        Dictionary<SkillLevel, int> years,
        Dictionary<string, Dictionary<SkillLevel, int>> yearsByOccupation,
        Dictionary<string, HashSet<string>> relatedMajors,
        HashSet<HonourKind> greenChannelHonours,
        Dictionary<string, SeriesCorrespondence> occupationSeries,
        TitleSeries? defaultSeries)
    {
        _years = years;
        _yearsByOccupation = yearsByOccupation;
        _relatedMajors = relatedMajors;
        _greenChannelHonours = greenChannelHonours;
        _occupationSeries = occupationSeries;
        _defaultSeries = defaultSeries;
    }

    /// <summary>Validates the options; throws <see cref="ArgumentException"/> with a Chinese message naming the bad key.</summary>
    internal static CompiledPolicy Compile(PolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string Section = PolicyOptions.SectionName;

        var years = CompileYears(options.CumulativeWorkYears, $"{Section}:{nameof(PolicyOptions.CumulativeWorkYears)}");

        var byOccupation = new Dictionary<string, Dictionary<SkillLevel, int>>(StringComparer.Ordinal);
        foreach (var (occupation, table) in options.CumulativeWorkYearsByOccupation ?? [])
        {
            var key = $"{Section}:{nameof(PolicyOptions.CumulativeWorkYearsByOccupation)}:{occupation}";
            byOccupation[RequireOccupation(occupation, key)] = CompileYears(table, key);
        }

        var majors = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (occupation, list) in options.RelatedMajors ?? [])
        {
            var key = $"{Section}:{nameof(PolicyOptions.RelatedMajors)}:{occupation}";
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var major in list ?? [])
            {
                if (!string.IsNullOrWhiteSpace(major))
                {
                    set.Add(major.Trim());
                }
            }

            majors[RequireOccupation(occupation, key)] = set;
        }

        var honours = new HashSet<HonourKind>();
        foreach (var text in options.GreenChannelHonours ?? [])
        {
            honours.Add(Parse<HonourKind>(text, $"{Section}:{nameof(PolicyOptions.GreenChannelHonours)}", "荣誉"));
        }

        // The project's default correspondence first (the data file), then configuration and plug-ins over it.
        var series = new Dictionary<string, SeriesCorrespondence>(StringComparer.Ordinal);
        foreach (var row in OccupationSeriesData.Rows)
        {
            foreach (var name in row.Aliases.Prepend(row.Occupation))
            {
                series[name] = new SeriesCorrespondence(name, row.Series, row.Specialty, CorrespondenceOrigin.ProjectDefault);
            }
        }

        foreach (var (occupation, text) in options.OccupationSeries ?? [])
        {
            var key = $"{Section}:{nameof(PolicyOptions.OccupationSeries)}:{occupation}";
            var name = RequireOccupation(occupation, key);
            if (string.IsNullOrWhiteSpace(text))
            {
                // Declared as corresponding to no series: the default file's entry no longer applies.
                series.Remove(name);
                continue;
            }

            var separator = text.IndexOfAny(SpecialtySeparators);
            var seriesText = separator < 0 ? text : text[..separator];
            var specialty = separator < 0 ? "" : text[(separator + 1)..].Trim();
            series[name] = new SeriesCorrespondence(
                name, Parse<TitleSeries>(seriesText.Trim(), key, "职称系列"), specialty, CorrespondenceOrigin.Configured);
        }

        TitleSeries? defaultSeries = string.IsNullOrWhiteSpace(options.DefaultSeries)
            ? null
            : Parse<TitleSeries>(options.DefaultSeries.Trim(), $"{Section}:{nameof(PolicyOptions.DefaultSeries)}", "职称系列");

        return new CompiledPolicy(years, byOccupation, majors, honours, series, defaultSeries);
    }

    /// <summary>Whether the honour is one of the configured green-channel honours (R7).</summary>
    internal bool OpensGreenChannel(HonourKind honour) => _greenChannelHonours.Contains(honour);

    /// <summary>
    /// The series a title path aims at when no application names one (docs/rules.md "The series of a title path"):
    /// the correspondence declared for the occupation of the current post, else for that of the highest counted
    /// certificate; configuration and plug-ins over the project's data file. Nothing declared: no series (needs
    /// review), unless the operator opted in to <see cref="PolicyOptions.DefaultSeries"/>.
    /// </summary>
    internal SeriesCorrespondence SeriesFor(EmployeeFacts facts)
    {
        var occupation = facts.Employee.Occupation;
        if (occupation.Length == 0)
        {
            occupation = facts.HighestCertificate()?.Occupation ?? "";
        }

        return _occupationSeries.TryGetValue(occupation, out var declared)
            ? declared
            : _undeclared.GetOrAdd(occupation, Undeclared, _defaultSeries);
    }

    private static SeriesCorrespondence Undeclared(string occupation, TitleSeries? defaultSeries) =>
        defaultSeries is { } series
            ? new SeriesCorrespondence(occupation, series, "", CorrespondenceOrigin.DefaultSeries)
            : new SeriesCorrespondence(occupation, null, "", CorrespondenceOrigin.Missing);

    /// <summary>Whether the major is configured as related to the occupation (R9).</summary>
    internal bool IsRelatedMajor(string occupation, string major) =>
        major.Length > 0 && _relatedMajors.TryGetValue(occupation, out var set) && set.Contains(major.Trim());

    /// <summary>
    /// The cumulative work years required for the target level (R8, R10): the occupation's override first, then the
    /// general table. False when neither lists the level (no years required).
    /// </summary>
    internal bool TryGetYears(SkillLevel target, string occupation, out int years, out bool perOccupation)
    {
        if (_yearsByOccupation.Count > 0 && _yearsByOccupation.TryGetValue(occupation, out var table) && table.TryGetValue(target, out years))
        {
            perOccupation = true;
            return true;
        }

        perOccupation = false;
        return _years.TryGetValue(target, out years);
    }

    private static Dictionary<SkillLevel, int> CompileYears(Dictionary<string, int>? table, string key)
    {
        var result = new Dictionary<SkillLevel, int>();
        foreach (var (levelText, value) in table ?? [])
        {
            var level = Parse<SkillLevel>(levelText, key, "职业技能等级");
            if (value is < 0 or > MaxYears)
            {
                throw new ArgumentException(
                    $"配置项 {key}:{levelText} 的值 {value} 无效：累计工作年限应为 0 至 {MaxYears} 之间的整数。");
            }

            result[level] = value;
        }

        return result;
    }

    private static TEnum Parse<TEnum>(string? text, string key, string what)
        where TEnum : struct, Enum =>
        Vocabulary.TryParse<TEnum>(text, out var value)
            ? value
            : throw new ArgumentException(
                $"配置项 {key} 中的“{text}”不是可识别的{what}；可用值：{Vocabulary.Describe<TEnum>()}。");

    private static string RequireOccupation(string occupation, string key) =>
        string.IsNullOrWhiteSpace(occupation)
            ? throw new ArgumentException($"配置项 {key} 的职业工种名称为空。")
            : occupation.Trim();
}
