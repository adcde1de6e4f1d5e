using EnterpriseEval.Engine.Screening;
using EnterpriseEval.Sdk.Documents;

namespace EnterpriseEval.Engine.Notices;

/// <summary>What <c>eeval notices</c> was asked to do.</summary>
internal sealed record NoticesRequest(
    ScreeningRequest Screening,
    DocumentKind Kind,
    DocumentFormat Format,
    DateOnly? IssuedOn);
