using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Sdk.Documents;

/// <summary>The result of screening one path and target; templates loop over <c>results</c>.</summary>
public sealed record ScreeningResultItem
{
    /// <summary>申报路径 (<c>result.path</c>); printed as its Chinese name, e.g. <c>技能人才评职称</c>.</summary>
    public required ScreeningPath Path { get; init; }

    /// <summary>申报目标 (<c>result.target</c>). Example: <c>工程系列中级职称</c>.</summary>
    public required string Target { get; init; }

    /// <summary>审查结论 (<c>result.outcome</c>); printed as its Chinese name, e.g. <c>符合条件</c>.</summary>
    public required Outcome Outcome { get; init; }

    /// <summary>
    /// 最早可申报日期 (<c>result.earliest_eligible_on</c>), present when only time stands in the way; printed as
    /// <c>2027年7月1日</c>.
    /// </summary>
    public DateOnly? EarliestEligibleOn { get; init; }

    /// <summary>可免于理论知识考试 (<c>result.theory_exam_exempt</c>, true or false).</summary>
    public bool TheoryExamExempt { get; init; }

    /// <summary>
    /// 审查意见 (<c>result.reasons</c>, a list of text), each ending with its clause id. Example item:
    /// <c>取得技师职业技能等级后从事技术技能工作满3年（人社部发〔2020〕96号 二（二）1）</c>.
    /// </summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];
}
