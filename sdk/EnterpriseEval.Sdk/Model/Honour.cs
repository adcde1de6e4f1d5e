namespace EnterpriseEval.Sdk.Model;

/// <summary>An honour held (<c>honours.csv</c>).</summary>
public sealed record Honour
{
    /// <summary>荣誉.</summary>
    public required HonourKind Kind { get; init; }

    /// <summary>授予日期.</summary>
    public required DateOnly AwardedOn { get; init; }

    /// <summary>Columns the SDK does not know, by header as written in the file.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = EmptyExtra.Instance;
}
