using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Workflow.Generation;

/// <summary>
/// The posts of a heavy-machinery manufacturer (the shape of the ganjiang-heavy sample, at scale): about three in
/// four employees on skill posts in the workshops, the rest technical and management staff.
/// </summary>
internal static class Workforce
{
    private static readonly string[] Machining = ["数控技术", "机械制造与自动化", "机电一体化", ""];
    private static readonly string[] Welding = ["焊接技术与自动化", "焊接技术与工程", "机械制造与自动化", ""];
    private static readonly string[] Casting = ["材料成型及控制工程", "铸造技术", ""];
    private static readonly string[] HeatTreatment = ["金属材料工程", "热处理技术", ""];
    private static readonly string[] Electrical = ["电气自动化技术", "电气工程及其自动化", "机电一体化", ""];
    private static readonly string[] Engineering = ["机械设计制造及其自动化", "材料成型及控制工程", "电气工程及其自动化", "工业工程"];
    private static readonly string[] Office = ["工商管理", "人力资源管理", "会计学", "汉语言文学", "安全工程"];

    private static readonly PostTemplate[] Posts =
    [
        new("机加工车间", "数控车工", PostCategory.Skill, "数控车工", Machining, 120),
        new("机加工车间", "车工", PostCategory.Skill, "车工", Machining, 90),
        new("机加工车间", "铣工", PostCategory.Skill, "铣工", Machining, 50),
        new("机加工车间", "磨工", PostCategory.Skill, "磨工", Machining, 30),
        new("焊接车间", "焊工", PostCategory.Skill, "焊工", Welding, 110),
        new("铸造车间", "铸造工（造型）", PostCategory.Skill, "铸造工", Casting, 60),
        new("铸造车间", "铸造工（熔炼）", PostCategory.Skill, "铸造工", Casting, 30),
        new("热处理车间", "热处理工", PostCategory.Skill, "热处理工", HeatTreatment, 40),
        new("装配车间", "装配钳工", PostCategory.Skill, "装配钳工", Machining, 100),
        new("设备动力部", "机修钳工", PostCategory.Skill, "机修钳工", Machining, 35),
        new("设备动力部", "电工", PostCategory.Skill, "电工", Electrical, 40),
        new("物流中心", "起重装卸机械操作工", PostCategory.Skill, "起重装卸机械操作工", ["", "物流管理"], 30),
        new("质量管理部", "质检员", PostCategory.Skill, "机械产品检验工", Machining, 25),
        new("技术中心", "工艺工程师", PostCategory.Technical, "", Engineering, 50),
        new("技术中心", "设计工程师", PostCategory.Technical, "", Engineering, 45),
        new("质量管理部", "质量工程师", PostCategory.Technical, "", Engineering, 20),
        new("设备动力部", "设备工程师", PostCategory.Technical, "电工", Electrical, 15),
        new("焊接车间", "焊接工艺员", PostCategory.Technical, "焊工", Welding, 10),
        new("机加工车间", "数控编程员", PostCategory.Technical, "数控车工", Machining, 10),
        new("生产管理部", "生产调度", PostCategory.Management, "", Office, 25),
        new("人力资源部", "人事专员", PostCategory.Management, "", Office, 15),
        new("财务部", "会计", PostCategory.Management, "", Office, 15),
        new("安全环保部", "安全员", PostCategory.Management, "", Office, 15),
        new("机加工车间", "车间主任", PostCategory.Management, "", Engineering, 10),
        new("综合办公室", "行政文员", PostCategory.Management, "", Office, 15),
    ];

    private static readonly int TotalWeight = Posts.Sum(p => p.Weight);

    /// <summary>Every kind of post the generator draws from (tests check their occupations have a series).</summary>
    public static IReadOnlyList<PostTemplate> All => Posts;

    public static PostTemplate Next(Random random)
    {
        var pick = random.Next(TotalWeight);
        foreach (var post in Posts)
        {
            pick -= post.Weight;
            if (pick < 0)
            {
                return post;
            }
        }

        return Posts[^1];
    }

    /// <summary>学历 in proportions typical of a manufacturer's workforce.</summary>
    public static string Education(Random random, PostCategory category) => (category, random.Next(10)) switch
    {
        (PostCategory.Skill, < 2) => "初中",
        (PostCategory.Skill, < 5) => "技校",
        (PostCategory.Skill, < 7) => "中专",
        (PostCategory.Skill, < 9) => "大专",
        (PostCategory.Skill, _) => "本科",
        (_, < 3) => "大专",
        (_, < 8) => "本科",
        _ => "硕士研究生",
    };
}
