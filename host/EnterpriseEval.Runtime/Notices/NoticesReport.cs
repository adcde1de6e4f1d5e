using EnterpriseEval.Sdk.Documents;

namespace EnterpriseEval.Runtime.Notices;

/// <summary>What <c>eeval notices</c> produced.</summary>
internal sealed record NoticesReport(
    DocumentKind Kind,
    int Documents,
    string IndexFile,
    int EmployeesScreened,
    int RejectLines,
    IReadOnlyList<string> PluginsLoaded,
    IReadOnlyList<string> PluginsRefused);
