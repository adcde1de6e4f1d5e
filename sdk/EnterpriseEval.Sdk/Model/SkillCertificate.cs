namespace EnterpriseEval.Sdk.Model;

/// <summary>A skill certificate (<c>skill_certificates.csv</c>).</summary>
public sealed record SkillCertificate
{
    /// <summary>
    /// 等级, 学徒工 to 高级技师. 特级技师 and 首席技师 are appointed posts (<see cref="Employee.AppointedSkillLevel"/>), not
    /// certificates; the roster reader rejects a certificate row at either level.
    /// </summary>
    public required SkillLevel Level { get; init; }

    /// <summary>职业工种.</summary>
    public string Occupation { get; init; } = "";

    /// <summary>证书编号.</summary>
    public string CertificateNo { get; init; } = "";

    /// <summary>发证日期: the years of 96号 二（二）1 count from it.</summary>
    public required DateOnly IssuedOn { get; init; }

    /// <summary>证书类型.</summary>
    public CertificateKind Kind { get; init; } = CertificateKind.SkillLevel;

    /// <summary>状态; a revoked certificate is never counted.</summary>
    public CertificateStatus Status { get; init; } = CertificateStatus.Valid;

    /// <summary>Columns the SDK does not know, by header as written in the file.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = EmptyExtra.Instance;
}
