using System.Collections.Frozen;

namespace EnterpriseEval.Sdk.Model;

/// <summary>
/// The codes and Chinese names of the domain vocabulary (SPEC §3). Inputs accept the code, the
/// Chinese name or a common alias (e.g. 工程师 for <see cref="TitleLevel.Intermediate"/>); outputs use the code.
/// </summary>
public static class Vocabulary
{
    /// <summary>The code of a skill level, e.g. <c>senior_worker</c>.</summary>
    public static string ToCode(this SkillLevel value) => Table<SkillLevel>.Code(value);

    /// <summary>The Chinese name of a skill level, e.g. 高级工.</summary>
    public static string ToChinese(this SkillLevel value) => Table<SkillLevel>.Chinese(value);

    /// <summary>The code of a title level, e.g. <c>associate_senior</c>.</summary>
    public static string ToCode(this TitleLevel value) => Table<TitleLevel>.Code(value);

    /// <summary>The Chinese name of a title level, e.g. 副高级.</summary>
    public static string ToChinese(this TitleLevel value) => Table<TitleLevel>.Chinese(value);

    /// <summary>The code of a title series, e.g. <c>engineering</c>.</summary>
    public static string ToCode(this TitleSeries value) => Table<TitleSeries>.Code(value);

    /// <summary>The Chinese name of a title series, e.g. 工程.</summary>
    public static string ToChinese(this TitleSeries value) => Table<TitleSeries>.Chinese(value);

    /// <summary>The code of an assessment result, e.g. <c>qualified</c>.</summary>
    public static string ToCode(this AssessmentResult value) => Table<AssessmentResult>.Code(value);

    /// <summary>The Chinese name of an assessment result, e.g. 合格.</summary>
    public static string ToChinese(this AssessmentResult value) => Table<AssessmentResult>.Chinese(value);

    /// <summary>The code of an honour, e.g. <c>national_technical_expert</c>.</summary>
    public static string ToCode(this HonourKind value) => Table<HonourKind>.Code(value);

    /// <summary>The Chinese name of an honour, e.g. 全国技术能手.</summary>
    public static string ToChinese(this HonourKind value) => Table<HonourKind>.Chinese(value);

    /// <summary>The code of a post category, e.g. <c>skill</c>.</summary>
    public static string ToCode(this PostCategory value) => Table<PostCategory>.Code(value);

    /// <summary>The Chinese name of a post category, e.g. 技能.</summary>
    public static string ToChinese(this PostCategory value) => Table<PostCategory>.Chinese(value);

    /// <summary>The code of a certificate kind, e.g. <c>skill_level</c>.</summary>
    public static string ToCode(this CertificateKind value) => Table<CertificateKind>.Code(value);

    /// <summary>The Chinese name of a certificate kind, e.g. 职业技能等级.</summary>
    public static string ToChinese(this CertificateKind value) => Table<CertificateKind>.Chinese(value);

    /// <summary>The code of a certificate status, e.g. <c>valid</c>.</summary>
    public static string ToCode(this CertificateStatus value) => Table<CertificateStatus>.Code(value);

    /// <summary>The Chinese name of a certificate status, e.g. 有效.</summary>
    public static string ToChinese(this CertificateStatus value) => Table<CertificateStatus>.Chinese(value);

    /// <summary>The code of a work kind, e.g. <c>technical_skill</c>.</summary>
    public static string ToCode(this WorkKind value) => Table<WorkKind>.Code(value);

    /// <summary>The Chinese name of a work kind, e.g. 技术技能.</summary>
    public static string ToChinese(this WorkKind value) => Table<WorkKind>.Chinese(value);

    /// <summary>The code of a path, e.g. <c>skill_to_title</c>.</summary>
    public static string ToCode(this ScreeningPath value) => Table<ScreeningPath>.Code(value);

    /// <summary>The Chinese name of a path, e.g. 技能人才评职称.</summary>
    public static string ToChinese(this ScreeningPath value) => Table<ScreeningPath>.Chinese(value);

    /// <summary>The code of an outcome, e.g. <c>needs_review</c>.</summary>
    public static string ToCode(this Outcome value) => Table<Outcome>.Code(value);

    /// <summary>The Chinese name of an outcome, e.g. 需人工复核.</summary>
    public static string ToChinese(this Outcome value) => Table<Outcome>.Chinese(value);

    /// <summary>
    /// Parses a code, a Chinese name or an alias (surrounding white space ignored, codes case-insensitive).
    /// </summary>
    /// <typeparam name="TEnum">One of the vocabulary enums of this namespace.</typeparam>
    /// <param name="text">The text read from a roster or configuration.</param>
    /// <param name="value">The parsed value, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when the text names a value of <typeparamref name="TEnum"/>.</returns>
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum => Table<TEnum>.TryParse(text, out value);

    /// <summary>
    /// The accepted values of a vocabulary, for messages: <c>高级工(senior_worker)、技师(technician)…</c>.
    /// </summary>
    public static string Describe<TEnum>()
        where TEnum : struct, Enum => Table<TEnum>.Description;

    /// <summary>Parses 是/否 or yes/no (also 1/0, true/false, Y/N).</summary>
    public static bool TryParseYesNo(string? text, out bool value)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "yes" or "是" or "y" or "1" or "true":
                value = true;
                return true;
            case "no" or "否" or "n" or "0" or "false":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>
    /// Whether the series is one of the eight series opened to skilled workers
    /// (工程、农业、工艺美术、文物博物、实验技术、艺术、体育、技工院校教师; 96号 二（一）, 227号 一).
    /// </summary>
    public static bool IsThroughSeries(this TitleSeries series) =>
        series is >= TitleSeries.Engineering and <= TitleSeries.TechnicalSchoolTeacher;

    private static class Table<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly FrozenDictionary<TEnum, (string Code, string Chinese)> Names = Build();
        private static readonly FrozenDictionary<string, TEnum> ByText = BuildLookup();

        internal static readonly string Description = string.Join(
            "、",
            Names.OrderBy(kv => kv.Key).Select(kv => $"{kv.Value.Chinese}({kv.Value.Code})"));

        internal static string Code(TEnum value) =>
            Names.TryGetValue(value, out var n) ? n.Code : throw Undefined(value);

        internal static string Chinese(TEnum value) =>
            Names.TryGetValue(value, out var n) ? n.Chinese : throw Undefined(value);

        internal static bool TryParse(string? text, out TEnum value)
        {
            if (text is not null && ByText.TryGetValue(text.Trim(), out value))
            {
                return true;
            }

            value = default;
            return false;
        }

        private static ArgumentOutOfRangeException Undefined(TEnum value) =>
            new(nameof(value), value, $"{typeof(TEnum).Name} has no value {value}.");

        private static FrozenDictionary<TEnum, (string, string)> Build() =>
            VocabularyData.Entries
                .Where(e => e.Value is TEnum)
                .ToFrozenDictionary(e => (TEnum)e.Value, e => (e.Code, e.Chinese));

        private static FrozenDictionary<string, TEnum> BuildLookup()
        {
            var map = new Dictionary<string, TEnum>(StringComparer.OrdinalIgnoreCase);
            foreach (var e in VocabularyData.Entries.Where(e => e.Value is TEnum))
            {
                var value = (TEnum)e.Value;
                map[e.Code] = value;
                map[e.Chinese] = value;
                foreach (var alias in e.Aliases)
                {
                    map[alias] = value;
                }
            }

            return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        }
    }
}
