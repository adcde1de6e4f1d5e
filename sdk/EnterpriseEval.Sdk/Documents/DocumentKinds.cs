namespace EnterpriseEval.Sdk.Documents;

/// <summary>
/// The document kinds the engine knows, read from their descriptors (<see cref="DocumentKindRegistry"/>,
/// docs/documents.md): codes, Chinese names, model types and sample models.
/// </summary>
public static class DocumentKinds
{
    /// <summary>Every kind, in the order of their descriptors (<c>Order</c>).</summary>
    public static IReadOnlyList<DocumentKind> All => DocumentKindRegistry.Default.Kinds;

    /// <summary>The code of a kind, e.g. <c>post_equivalence_notice</c>; also the file name stem of its templates.</summary>
    public static string ToCode(this DocumentKind kind) => kind.Code;

    /// <summary>The Chinese name of a kind, e.g. 岗位比照通知书.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No descriptor has the kind's code.</exception>
    public static string ToChinese(this DocumentKind kind) => DocumentKindRegistry.Default.Find(kind).ChineseName;

    /// <summary>The model type the templates of a kind see, e.g. <see cref="PayNotice"/> for <see cref="DocumentKind.WageNotice"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No descriptor has the kind's code.</exception>
    public static Type ModelType(this DocumentKind kind) => DocumentKindRegistry.Default.Find(kind).ModelType;

    /// <summary>
    /// A filled-in model of a kind, every optional value present and every list non-empty, so that rendering walks
    /// every branch a template is likely to have (an <c>if</c> on an absent date, a loop over items).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">No descriptor has the kind's code.</exception>
    public static object SampleModel(this DocumentKind kind) => DocumentKindRegistry.Default.Find(kind).SampleModel;

    /// <summary>Parses a code or a Chinese name (surrounding white space ignored, codes case-insensitive).</summary>
    /// <param name="text">The text given on the command line or in configuration.</param>
    /// <param name="kind">The kind, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when the text names a kind.</returns>
    public static bool TryParse(string? text, out DocumentKind kind) => DocumentKindRegistry.Default.TryParse(text, out kind);
}
