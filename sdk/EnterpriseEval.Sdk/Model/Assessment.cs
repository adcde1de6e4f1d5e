namespace EnterpriseEval.Sdk.Model;

/// <summary>An annual assessment (<c>assessments.csv</c>).</summary>
public sealed record Assessment
{
    /// <summary>年度.</summary>
    public required int Year { get; init; }

    /// <summary>考核结果.</summary>
    public required AssessmentResult Result { get; init; }

    /// <summary>Columns the SDK does not know, by header as written in the file.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = EmptyExtra.Instance;
}
