using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Sdk.Screening;

/// <summary>
/// The statutory floor: rules R1–R12 of 人社部发〔2020〕96号 as forwarded by 赣人社字〔2021〕227号 (SPEC §4), with the
/// date semantics of SPEC §5. Thread-safe once created; one instance serves a whole run.
/// </summary>
public sealed partial class StatutoryRuleSet
{
    /// <summary>The version of the rule set; written into every output so a decision can be traced to its rules.</summary>
    public const string Version = "cn-96-2020+jx-227-2021/1.0.0";
}
