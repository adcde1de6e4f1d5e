namespace EnterpriseEval.Sdk.Documents;

/// <summary>
/// A kind of document the engine issues, named by its code: the file name stem of its templates
/// (<c>post_equivalence_notice</c> → <c>post_equivalence_notice.html.sbn</c>). Each kind has one model type its
/// templates see and default templates a plug-in may replace (<see cref="Plugins.IPluginBuilder.UseTemplate"/>).
/// The kinds the engine knows are listed by <see cref="DocumentKinds.All"/>; a kind is added by a descriptor, a
/// model and its templates (docs/documents.md), and needs no value here: name it by its code,
/// <c>new DocumentKind("review_result_notice")</c>. The properties below are shorthands for the shipped kinds.
/// </summary>
public readonly struct DocumentKind : IEquatable<DocumentKind>
{
    private readonly string? _code;

    /// <summary>Names a kind by its code.</summary>
    /// <param name="code">The code: lower-case letters, digits and underscores, starting with a letter.</param>
    /// <exception cref="ArgumentException">The code is not of that form.</exception>
    public DocumentKind(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (!IsCode(code))
        {
            throw new ArgumentException($"文书种类代码只能由小写字母、数字和下划线组成并以字母开头，收到：{code}", nameof(code));
        }

        _code = code;
    }

    /// <summary>岗位比照通知书; model <see cref="Documents.PostEquivalenceNotice"/>. Code <c>post_equivalence_notice</c>.</summary>
    public static DocumentKind PostEquivalenceNotice { get; } = new("post_equivalence_notice");

    /// <summary>薪酬调整通知书; model <see cref="PayNotice"/>. Code <c>wage_notice</c>.</summary>
    public static DocumentKind WageNotice { get; } = new("wage_notice");

    /// <summary>津贴发放通知; model <see cref="PayNotice"/>. Code <c>allowance_notice</c>.</summary>
    public static DocumentKind AllowanceNotice { get; } = new("allowance_notice");

    /// <summary>资格审查结果通知; model <see cref="Documents.ScreeningResultNotice"/>. Code <c>screening_result_notice</c>.</summary>
    public static DocumentKind ScreeningResultNotice { get; } = new("screening_result_notice");

    /// <summary>评审结果公示; model <see cref="Documents.PublicityList"/>. Code <c>publicity_list</c>.</summary>
    public static DocumentKind PublicityList { get; } = new("publicity_list");

    /// <summary>评审结果通知 (<c>review issue</c>); model <see cref="Documents.ReviewResultNotice"/>. Code <c>review_result_notice</c>.</summary>
    public static DocumentKind ReviewResultNotice { get; } = new("review_result_notice");

    /// <summary>The code, e.g. <c>post_equivalence_notice</c>; empty for <see langword="default"/>.</summary>
    public string Code => _code ?? "";

    /// <summary>Whether two kinds have the same code.</summary>
    public static bool operator ==(DocumentKind left, DocumentKind right) => left.Equals(right);

    /// <summary>Whether two kinds have different codes.</summary>
    public static bool operator !=(DocumentKind left, DocumentKind right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(DocumentKind other) => string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DocumentKind other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <summary>The code.</summary>
    public override string ToString() => Code;

    internal static bool IsCode(string text) =>
        text.Length > 0 && char.IsAsciiLetterLower(text[0]) && text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}
