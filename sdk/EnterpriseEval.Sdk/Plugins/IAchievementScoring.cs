using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Sdk.Plugins;

/// <summary>
/// Scores achievements for the performance review (业绩评审, 96号 二（二）2: 技能竞赛获奖、工法、操作法、项目、
/// 技术报告、经验总结、行业标准 …).
/// </summary>
public interface IAchievementScoring
{
    /// <summary>Scores one employee's achievements up to the cut-off.</summary>
    AchievementScore Score(EmployeeRecord record, DateOnly asOf);
}
