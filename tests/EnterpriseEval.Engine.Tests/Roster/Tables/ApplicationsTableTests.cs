using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Tests.Roster.Tables;

public sealed class ApplicationsTableTests : IDisposable
{
    private readonly RosterFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Skill_level_on_a_title_path_is_rejected()
    {
        _folder.WithEmployees("E1").Write("applications.csv", "employee_id,path,target_level", "E1,skill_to_title,技师", "E1,green_channel,正高级");

        var result = _folder.Read();

        RejectAssert.Single(result, "applications.csv", 2, "target_level", "技师", "申报层级与申报路径不符：技能人才评职称(skill_to_title) 应填职称层级");
        var application = Assert.Single(result.Records[0].Applications);
        Assert.Equal((ScreeningPath.GreenChannel, TitleLevel.Senior, (SkillLevel?)null), (application.Path, application.TargetTitleLevel!.Value, application.TargetSkillLevel));
    }

    [Fact]
    public void Title_level_on_a_skill_path_is_rejected()
    {
        _folder.WithEmployees("E1").Write("applications.csv", "工号,申报路径,申报层级", "E1,技能晋级,中级", "E1,skill_promotion,高级技师");

        var result = _folder.Read();

        RejectAssert.Single(result, "applications.csv", 2, "申报层级", "中级", "技能晋级(skill_promotion) 应填职业技能等级");
        Assert.Equal(SkillLevel.SeniorTechnician, Assert.Single(result.Records[0].Applications).TargetSkillLevel);
    }

    [Fact]
    public void Unknown_target_level_is_rejected_as_unknown()
    {
        _folder.WithEmployees("E1").Write("applications.csv", "employee_id,path,target_level", "E1,title_to_skill,大师");

        var result = _folder.Read();

        RejectAssert.Single(result, "applications.csv", 2, "target_level", "大师", "无法识别，可填：学徒工(apprentice)");
    }

    [Fact]
    public void Unknown_path_is_rejected()
    {
        _folder.WithEmployees("E1").Write("applications.csv", "employee_id,path,target_level", "E1,破格,正高级");

        var result = _folder.Read();

        RejectAssert.Single(result, "applications.csv", 2, "path", "破格", "可填：技能人才评职称(skill_to_title)");
    }
}
