using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Plugins;

namespace Ganjiang.HeavyMachinery;

/// <summary>
/// The firm's skill post grades (技能岗位序列 T1–T8). Only appointments from 高级工 up have an equivalence (96号 二（五）),
/// so only T4–T8 appear here.
/// </summary>
internal sealed class GanjiangPostGrades : IPostGradeMap
{
    /// <summary>The post grade of an appointed level, or <see langword="null"/> below 高级工; also names the 岗位技能工资 item.</summary>
    public static string? Grade(SkillLevel appointed) => appointed switch
    {
        SkillLevel.SeniorWorker => "T4 高级技能岗",
        SkillLevel.Technician => "T5 技师岗",
        SkillLevel.SeniorTechnician => "T6 高级技师岗",
        SkillLevel.PrincipalTechnician => "T7 特级技师岗",
        SkillLevel.ChiefTechnician => "T8 首席技师岗",
        _ => null,
    };

    public string? GradeFor(EmployeeRecord record, SkillLevel appointed, TitleLevel equivalent) => Grade(appointed);
}
