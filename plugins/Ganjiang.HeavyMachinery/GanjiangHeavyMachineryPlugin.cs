using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Plugins;
using Ganjiang.HeavyMachinery.Criteria;
using Ganjiang.HeavyMachinery.Documents;
using Ganjiang.HeavyMachinery.Pay;
using Ganjiang.HeavyMachinery.Roster;

namespace Ganjiang.HeavyMachinery;

/// <summary>
/// The plug-in of 赣江重型机械有限公司: continuing-education, safety and mentoring criteria from
/// 《赣江重机技能人才自主评价管理办法》, the firm's T4–T8 skill post grades, its occupation and major tables, the pay
/// tables of 《赣江重机技能人才薪酬分配办法》, and letterhead templates for the notices.
/// </summary>
public sealed class GanjiangHeavyMachineryPlugin : IEnterprisePlugin
{
    /// <inheritdoc />
    public void Configure(IPluginBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            .BindOptions<GanjiangHeavyOptions>()
            .AddExtraTable(FirmTables.ContinuingEducation)
            .AddExtraTable(FirmTables.SafetyIncidents)
            .AddExtraTable(FirmTables.Apprentices)
            .AddCriterion<ContinuingEducationCriterion>()
            .AddCriterion<SafetyRecordCriterion>()
            .AddCriterion<MentoringCriterion>()
            .UsePostGrades<GanjiangPostGrades>()
            .UsePayTables<GanjiangPayTables>()
            .UseTemplate(DocumentKind.PostEquivalenceNotice, DocumentFormat.Html, "Templates/post_equivalence_notice.html.sbn")
            .UseTemplate(DocumentKind.WageNotice, DocumentFormat.Html, "Templates/wage_notice.html.sbn")
            .UseTemplate(DocumentKind.WageNotice, DocumentFormat.Markdown, "Templates/wage_notice.md.sbn")
            .UseTemplate(DocumentKind.AllowanceNotice, DocumentFormat.Html, "Templates/allowance_notice.html.sbn")
            .AddTemplateFunction("ganjiang_grade_duty", (Func<SkillLevel, string>)GanjiangWording.GradeDuty)
            .AddTemplateFunction("ganjiang_item_note", (Func<string, string>)GanjiangWording.ItemNote)
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
