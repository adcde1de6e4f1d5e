namespace EnterpriseEval.Sdk.Documents;

/// <summary>Codes, Chinese names and model types of the <see cref="DocumentKind"/> values.</summary>
public static class DocumentKinds
{
    private static readonly (DocumentKind Kind, string Code, string Chinese, Type Model)[] Table =
    [
        (DocumentKind.PostEquivalenceNotice, "post_equivalence_notice", "岗位比照通知书", typeof(PostEquivalenceNotice)),
        (DocumentKind.WageNotice, "wage_notice", "薪酬调整通知书", typeof(PayNotice)),
        (DocumentKind.AllowanceNotice, "allowance_notice", "津贴发放通知", typeof(PayNotice)),
        (DocumentKind.ScreeningResultNotice, "screening_result_notice", "资格审查结果通知", typeof(ScreeningResultNotice)),
        (DocumentKind.PublicityList, "publicity_list", "评审结果公示", typeof(PublicityList)),
    ];

    /// <summary>Every kind, in declaration order.</summary>
    public static IReadOnlyList<DocumentKind> All { get; } = [.. Table.Select(e => e.Kind)];

    /// <summary>The code of a kind, e.g. <c>post_equivalence_notice</c>; also the file name stem of its templates.</summary>
    public static string ToCode(this DocumentKind kind) => Find(kind).Code;

    /// <summary>The Chinese name of a kind, e.g. 岗位比照通知书.</summary>
    public static string ToChinese(this DocumentKind kind) => Find(kind).Chinese;

    /// <summary>The model type the templates of a kind see, e.g. <see cref="PayNotice"/> for <see cref="DocumentKind.WageNotice"/>.</summary>
    public static Type ModelType(this DocumentKind kind) => Find(kind).Model;

    /// <summary>Parses a code or a Chinese name (surrounding white space ignored, codes case-insensitive).</summary>
    /// <param name="text">The text given on the command line or in configuration.</param>
    /// <param name="kind">The kind, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when the text names a kind.</returns>
    public static bool TryParse(string? text, out DocumentKind kind)
    {
        var trimmed = text?.Trim();
        foreach (var e in Table)
        {
            if (string.Equals(e.Code, trimmed, StringComparison.OrdinalIgnoreCase) || e.Chinese == trimmed)
            {
                kind = e.Kind;
                return true;
            }
        }

        kind = default;
        return false;
    }

    private static (DocumentKind Kind, string Code, string Chinese, Type Model) Find(DocumentKind kind)
    {
        foreach (var e in Table)
        {
            if (e.Kind == kind)
            {
                return e;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(kind), kind, $"DocumentKind has no value {kind}.");
    }
}
