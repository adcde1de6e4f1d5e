using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Workflow.Generation;

/// <summary>One drawn skill certificate of a generated employee (a rung of their certificate chain).</summary>
internal sealed record SyntheticCertificate(SkillLevel Level, string Occupation, DateOnly IssuedOn, string Number);
