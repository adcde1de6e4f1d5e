namespace EnterpriseEval.Sdk.Model;

/// <summary>A professional title held (<c>titles.csv</c>).</summary>
public sealed record ProfessionalTitle
{
    /// <summary>职称系列.</summary>
    public required TitleSeries Series { get; init; }

    /// <summary>专业.</summary>
    public string Specialty { get; init; } = "";

    /// <summary>职称层级.</summary>
    public required TitleLevel Level { get; init; }

    /// <summary>取得日期.</summary>
    public required DateOnly ObtainedOn { get; init; }

    /// <summary>证书编号.</summary>
    public string CertificateNo { get; init; } = "";

    /// <summary>Columns the SDK does not know, by header as written in the file.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = EmptyExtra.Instance;
}
