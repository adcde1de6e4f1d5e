using System.Runtime.CompilerServices;

namespace EnterpriseEval.Sdk.Model;

/// <summary>
/// The codes and Chinese names of the domain vocabulary (docs/roster.md). Inputs accept the code, the
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

    /// <summary>Parses 是/否 or yes/no (also 1/0, true/false, Y/N): the roster reader's, internal since SDK 1.1.</summary>
    internal static bool TryParseYesNo(string? text, out bool value)
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

    // Arrays indexed by the enum's value and a text-to-int dictionary rather than dictionaries keyed by TEnum:
    // framework generic code instantiated over an SDK enum cannot be precompiled (ReadyToRun) and was JIT-compiled
    // at every start, for each of the eleven vocabularies (≈ 0.1 s of every command).
    private static class Table<TEnum>
        where TEnum : struct, Enum
    {
        // Codes[v] and Names[v] for the value v; null where v is not a value of the vocabulary.
        private static readonly string?[] Codes = Collect(e => e.Code);
        private static readonly string?[] Names = Collect(e => e.Chinese);
        private static readonly Dictionary<string, int> ByText = BuildLookup();

        internal static readonly string Description = Describe();

        internal static string Code(TEnum value) => At(Codes, Index(value)) ?? throw Undefined(value);

        internal static string Chinese(TEnum value) => At(Names, Index(value)) ?? throw Undefined(value);

        internal static bool TryParse(string? text, out TEnum value)
        {
            if (text is not null && ByText.TryGetValue(text.Trim(), out var index))
            {
                value = Unsafe.As<int, TEnum>(ref index);
                return true;
            }

            value = default;
            return false;
        }

        // The vocabulary enums are int-based; any other enum has no entries, so -1 finds nothing.
        private static int Index(TEnum value) => Unsafe.SizeOf<TEnum>() == sizeof(int) ? Unsafe.As<TEnum, int>(ref value) : -1;

        private static string? At(string?[] texts, int index) => (uint)index < (uint)texts.Length ? texts[index] : null;

        private static ArgumentOutOfRangeException Undefined(TEnum value) =>
            new(nameof(value), value, $"{typeof(TEnum).Name} has no value {value}.");

        private static IEnumerable<(int Index, VocabularyData.Entry Entry)> Entries()
        {
            foreach (var e in VocabularyData.Entries)
            {
                if (e.Value is TEnum value)
                {
                    yield return (Index(value), e);
                }
            }
        }

        private static string?[] Collect(Func<VocabularyData.Entry, string> text)
        {
            var length = 0;
            foreach (var (index, _) in Entries())
            {
                length = Math.Max(length, index + 1);
            }

            var texts = new string?[length];
            foreach (var (index, entry) in Entries())
            {
                texts[index] = text(entry);
            }

            return texts;
        }

        private static Dictionary<string, int> BuildLookup()
        {
            var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var (index, e) in Entries())
            {
                map[e.Code] = index;
                map[e.Chinese] = index;
                foreach (var alias in e.Aliases)
                {
                    map[alias] = index;
                }
            }

            return map;
        }

        private static string Describe()
        {
            var parts = new List<string>();
            for (var i = 0; i < Codes.Length; i++)
            {
                if (Codes[i] is { } code)
                {
                    parts.Add($"{Names[i]}({code})");
                }
            }

            return string.Join("、", parts);
        }
    }
}
