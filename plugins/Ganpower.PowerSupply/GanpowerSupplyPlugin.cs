using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Plugins;
using Ganpower.PowerSupply.Criteria;
using Ganpower.PowerSupply.Documents;
using Ganpower.PowerSupply.Pay;
using Ganpower.PowerSupply.Scoring;

namespace Ganpower.PowerSupply;

/// <summary>
/// The plug-in of 赣电供电服务有限公司: the firm's occupation ↔ engineering-specialty correspondence, its achievement
/// scoring for the performance review (业绩评审), the pass-mark criterion <c>GP-SCORE</c>, the pay tables of
/// 《赣电供电技能人才薪酬管理细则》 and letterhead templates for the notices.
/// </summary>
public sealed class GanpowerSupplyPlugin : IEnterprisePlugin
{
    /// <inheritdoc />
    public void Configure(IPluginBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            .BindOptions<GanpowerSupplyOptions>()
            .UseScoring<AchievementScoring>()
            .AddCriterion<ScoreCriterion>()
            .UsePayTables<GanpowerPayTables>()
            .UseTemplate(DocumentKind.PostEquivalenceNotice, DocumentFormat.Html, "Templates/post_equivalence_notice.html.sbn")
            .UseTemplate(DocumentKind.WageNotice, DocumentFormat.Html, "Templates/wage_notice.html.sbn")
            .UseTemplate(DocumentKind.AllowanceNotice, DocumentFormat.Html, "Templates/allowance_notice.html.sbn")
            .UseTemplate(DocumentKind.PublicityList, DocumentFormat.Html, "Templates/publicity_list.html.sbn")
            .UseTemplate(DocumentKind.ReviewResultNotice, DocumentFormat.Html, "Templates/review_result_notice.html.sbn")
            .AddTemplateFunction("ganpower_wage_grade", (Func<SkillLevel, string>)GanpowerWording.WageGrade)
            .AddTemplateFunction("ganpower_item_note", (Func<string, string>)GanpowerWording.ItemNote)
            .MapOccupation("变电站运行值班员", TitleSeries.Engineering, "电气工程")
            .MapOccupation("变电检修工", TitleSeries.Engineering, "电气工程")
            .MapOccupation("配电线路工", TitleSeries.Engineering, "输配电工程")
            .MapOccupation("送电线路工", TitleSeries.Engineering, "输配电工程")
            .MapOccupation("电力电缆安装运维工", TitleSeries.Engineering, "输配电工程")
            .MapOccupation("继电保护员", TitleSeries.Engineering, "电力系统自动化")
            .MapOccupation("电力调度员", TitleSeries.Engineering, "电力系统自动化")
            .MapOccupation("用电检查员", TitleSeries.Engineering, "用电管理")
            .MapOccupation("装表接电工", TitleSeries.Engineering, "用电管理");
    }
}
