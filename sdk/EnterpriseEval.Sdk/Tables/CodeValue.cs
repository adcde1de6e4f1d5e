namespace EnterpriseEval.Sdk.Tables;

/// <summary>
/// One value of a code-list column: the English code a criterion reads and the Chinese word HR writes. Either is
/// accepted in the file (the English code without regard to case); the row carries the English code.
/// </summary>
/// <param name="Code">The English code, e.g. <c>serious</c>.</param>
/// <param name="ChineseName">The Chinese value, e.g. <c>重大</c>.</param>
public sealed record CodeValue(string Code, string ChineseName);
