namespace EnterpriseEval.Sdk.Model;

/// <summary>A period of work of one nature (<c>work_periods.csv</c>).</summary>
public sealed record WorkPeriod
{
    /// <summary>开始日期 (inclusive).</summary>
    public required DateOnly Start { get; init; }

    /// <summary>结束日期 (inclusive); absent while the period is ongoing.</summary>
    public DateOnly? End { get; init; }

    /// <summary>工作性质.</summary>
    public required WorkKind Kind { get; init; }

    /// <summary>Columns the SDK does not know, by header as written in the file.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = EmptyExtra.Instance;
}
