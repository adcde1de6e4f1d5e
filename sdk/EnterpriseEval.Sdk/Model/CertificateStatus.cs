namespace EnterpriseEval.Sdk.Model;

/// <summary>Whether a certificate still counts.</summary>
public enum CertificateStatus
{
    /// <summary>有效. Code <c>valid</c>.</summary>
    Valid = 1,

    /// <summary>已撤销: never counted by any rule. Code <c>revoked</c>.</summary>
    Revoked,
}
