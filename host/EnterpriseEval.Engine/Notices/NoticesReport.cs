using EnterpriseEval.Sdk.Documents;

namespace EnterpriseEval.Engine.Notices;

/// <summary>What <c>eeval notices</c> produced.</summary>
internal sealed record NoticesReport(
    DocumentKind Kind,
    int Documents,
    string IndexFile,
    int EmployeesScreened,
    int RejectLines,
    IReadOnlyList<string> PluginsLoaded,
    IReadOnlyList<string> PluginsRefused)
{
    /// <summary>Notices not issued because the post equivalence they rest on awaits review (R11 <c>needs_review</c>).</summary>
    public IReadOnlyList<HeldNotice> Held { get; init; } = [];
}
