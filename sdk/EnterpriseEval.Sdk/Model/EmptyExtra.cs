namespace EnterpriseEval.Sdk.Model;

internal static class EmptyExtra
{
    internal static readonly IReadOnlyDictionary<string, string> Instance =
        new Dictionary<string, string>(0, StringComparer.Ordinal);
}
