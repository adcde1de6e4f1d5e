using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Sdk.Plugins;

/// <summary>Maps an appointment to the firm's internal post grade (企业内部岗位等级, 96号 二（五）).</summary>
public interface IPostGradeMap
{
    /// <summary>The internal grade, e.g. <c>T7 主任技师</c>, or <see langword="null"/> when the firm has none for it.</summary>
    string? GradeFor(EmployeeRecord record, SkillLevel appointed, TitleLevel equivalent);
}
