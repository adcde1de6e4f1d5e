namespace EnterpriseEval.Sdk.Documents;

/// <summary>
/// Who issues a document, under which number and on which day. Templates see it as <c>issue</c>
/// (e.g. <c>{{ issue.enterprise }}</c>).
/// </summary>
public sealed record DocumentIssue
{
    /// <summary>发文单位 (<c>issue.enterprise</c>). Example: <c>江西洪都精工集团有限公司</c>.</summary>
    public required string Enterprise { get; init; }

    /// <summary>承办部门 (<c>issue.department</c>), may be empty. Example: <c>人力资源部</c>.</summary>
    public string Department { get; init; } = "";

    /// <summary>文号 (<c>issue.document_number</c>). Example: <c>洪精人〔2026〕15号</c>.</summary>
    public required string DocumentNumber { get; init; }

    /// <summary>成文日期 (<c>issue.issued_on</c>); printed as <c>2026年11月24日</c>.</summary>
    public required DateOnly IssuedOn { get; init; }
}
