using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Plugins;
using Ganjiang.HeavyMachinery.Criteria;

namespace Ganjiang.HeavyMachinery;

/// <summary>
/// The plug-in of 赣江重型机械有限公司: continuing-education, safety and mentoring criteria from
/// 《赣江重机技能人才自主评价管理办法》, the firm's T4–T8 skill post grades, and its occupation and major tables.
/// </summary>
public sealed class GanjiangHeavyMachineryPlugin : IEnterprisePlugin
{
    /// <inheritdoc />
    public void Configure(IPluginBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            .BindOptions<GanjiangHeavyOptions>()
            .AddCriterion<ContinuingEducationCriterion>()
            .AddCriterion<SafetyRecordCriterion>()
            .AddCriterion<MentoringCriterion>()
            .UsePostGrades<GanjiangPostGrades>()
            .MapOccupation("数控车工", TitleSeries.Engineering, "机械制造")
            .MapOccupation("车工", TitleSeries.Engineering, "机械制造")
            .MapOccupation("焊工", TitleSeries.Engineering, "焊接")
            .MapOccupation("铸造工", TitleSeries.Engineering, "铸造")
            .MapOccupation("热处理工", TitleSeries.Engineering, "金属材料与热处理")
            .MapOccupation("装配钳工", TitleSeries.Engineering, "机械装配")
            .AddRelatedMajors("数控车工", "数控技术", "机械制造与自动化")
            .AddRelatedMajors("焊工", "焊接技术与自动化", "焊接技术与工程")
            .AddRelatedMajors("铸造工", "材料成型及控制工程", "铸造技术")
            .AddRelatedMajors("热处理工", "金属材料工程", "热处理技术");
    }
}
