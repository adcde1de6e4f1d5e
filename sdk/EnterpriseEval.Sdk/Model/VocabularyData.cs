namespace EnterpriseEval.Sdk.Model;

/// <summary>The vocabulary of docs/roster.md in one table: value, code, Chinese name, accepted aliases.</summary>
internal static class VocabularyData
{
    internal sealed record Entry(Enum Value, string Code, string Chinese, params string[] Aliases);

    internal static readonly Entry[] Entries =
    [
        new(SkillLevel.Apprentice, "apprentice", "学徒工", "学徒"),
        new(SkillLevel.JuniorWorker, "junior_worker", "初级工", "五级", "五级/初级工"),
        new(SkillLevel.IntermediateWorker, "intermediate_worker", "中级工", "四级", "四级/中级工"),
        new(SkillLevel.SeniorWorker, "senior_worker", "高级工", "三级", "三级/高级工"),
        new(SkillLevel.Technician, "technician", "技师", "二级", "二级/技师"),
        new(SkillLevel.SeniorTechnician, "senior_technician", "高级技师", "一级", "一级/高级技师"),
        new(SkillLevel.PrincipalTechnician, "principal_technician", "特级技师"),
        new(SkillLevel.ChiefTechnician, "chief_technician", "首席技师"),

        new(TitleLevel.Clerk, "clerk", "员级", "技术员"),
        new(TitleLevel.Assistant, "assistant", "助理级", "助理工程师"),
        new(TitleLevel.Intermediate, "intermediate", "中级", "工程师", "中级职称"),
        new(TitleLevel.AssociateSenior, "associate_senior", "副高级", "副高", "高级工程师"),
        new(TitleLevel.Senior, "senior", "正高级", "正高", "正高级工程师"),

        new(TitleSeries.Engineering, "engineering", "工程", "工程系列"),
        new(TitleSeries.Agriculture, "agriculture", "农业", "农业系列"),
        new(TitleSeries.ArtsCrafts, "arts_crafts", "工艺美术", "工艺美术系列"),
        new(TitleSeries.CulturalHeritage, "cultural_heritage", "文物博物", "文物博物系列"),
        new(TitleSeries.Laboratory, "laboratory", "实验技术", "实验技术系列"),
        new(TitleSeries.Art, "art", "艺术", "艺术系列"),
        new(TitleSeries.Sports, "sports", "体育", "体育系列"),
        new(TitleSeries.TechnicalSchoolTeacher, "technical_school_teacher", "技工院校教师", "技工院校教师系列"),
        new(TitleSeries.Economics, "economics", "经济", "经济系列"),
        new(TitleSeries.Accounting, "accounting", "会计", "会计系列"),
        new(TitleSeries.Statistics, "statistics", "统计", "统计系列"),
        new(TitleSeries.Auditing, "auditing", "审计", "审计系列"),
        new(TitleSeries.Translation, "translation", "翻译", "翻译系列"),
        new(TitleSeries.Publishing, "publishing", "出版", "出版系列"),
        new(TitleSeries.Communication, "communication", "通信", "通信系列"),
        new(TitleSeries.ComputerSoftware, "computer_software", "计算机技术与软件", "计算机"),
        new(TitleSeries.Health, "health", "卫生", "卫生系列"),
        new(TitleSeries.Teacher, "teacher", "教师", "教师系列"),
        new(TitleSeries.Research, "research", "自然科学研究", "自然科学研究系列"),
        new(TitleSeries.PoliticalWork, "political_work", "政工", "政工系列"),

        new(AssessmentResult.Excellent, "excellent", "优秀"),
        new(AssessmentResult.Qualified, "qualified", "合格", "称职"),
        new(AssessmentResult.BasicallyQualified, "basically_qualified", "基本合格", "基本称职"),
        new(AssessmentResult.Unqualified, "unqualified", "不合格", "不称职"),

        new(HonourKind.ChinaSkillsAward, "china_skills_award", "中华技能大奖"),
        new(HonourKind.NationalTechnicalExpert, "national_technical_expert", "全国技术能手"),
        new(HonourKind.NationalMasterStudioLead, "national_master_studio_lead", "国家级技能大师工作室带头人"),
        new(HonourKind.SpecialGovernmentAllowance, "special_government_allowance", "省级以上政府特殊津贴", "政府特殊津贴",
            "国务院政府特殊津贴", "国务院特殊津贴", "省政府特殊津贴", "省级政府特殊津贴"),
        new(HonourKind.ProvincialHighEndTalent, "provincial_high_end_talent", "高精尖缺高技能人才", "高精尖缺"),

        new(PostCategory.Skill, "skill", "技能", "技能岗位"),
        new(PostCategory.Technical, "technical", "专业技术", "专业技术岗位", "专技"),
        new(PostCategory.Management, "management", "管理", "管理岗位"),

        new(CertificateKind.Qualification, "qualification", "职业资格", "职业资格证书"),
        new(CertificateKind.SkillLevel, "skill_level", "职业技能等级", "职业技能等级证书"),

        new(CertificateStatus.Valid, "valid", "有效"),
        new(CertificateStatus.Revoked, "revoked", "已撤销", "撤销"),

        new(WorkKind.TechnicalSkill, "technical_skill", "技术技能", "技术技能工作"),
        new(WorkKind.Other, "other", "其他", "其他工作"),

        new(ScreeningPath.SkillToTitle, "skill_to_title", "技能人才评职称"),
        new(ScreeningPath.GreenChannel, "green_channel", "绿色通道"),
        new(ScreeningPath.TitleToSkill, "title_to_skill", "专技人才评技能"),
        new(ScreeningPath.SkillPromotion, "skill_promotion", "技能晋级"),

        new(Outcome.Eligible, "eligible", "符合条件"),
        new(Outcome.NotEligible, "not_eligible", "暂不符合"),
        new(Outcome.NeedsReview, "needs_review", "需人工复核"),
        new(Outcome.OutOfScope, "out_of_scope", "超出自主评审权限"),
    ];
}
