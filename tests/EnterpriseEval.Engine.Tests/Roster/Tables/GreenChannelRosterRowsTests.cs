using EnterpriseEval.Engine.Roster.Fields;
using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Engine.Tests.Roster.Tables;

/// <summary>Issue #19, defect 7: honours and certificates as an HR office writes them, read the way the policy means them.</summary>
public sealed class GreenChannelRosterRowsTests : IDisposable
{
    private readonly RosterFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // 96号 二（二）3:「享受省级以上政府特殊津贴的高技能人才」. A city-level allowance does not open the green channel: the reject
    // says so instead of listing the accepted values, which would invite re-entering it as provincial.
    [Theory]
    [InlineData("市级政府特殊津贴")]
    [InlineData("南昌市政府特殊津贴")]
    [InlineData("地市级技术能手")]
    [InlineData("县级技能大师工作室带头人")]
    [InlineData("区级政府特殊津贴")]
    public void An_honour_below_the_provincial_level_is_rejected_saying_it_does_not_open_the_green_channel(string honour)
    {
        _folder.WithEmployees("E1").Write("honours.csv", "employee_id,kind,awarded_on", $"E1,{honour},2021-11-30");

        var result = _folder.Read();

        var reject = RejectAssert.Single(result, "honours.csv", 2, "kind", honour, "市级、县级等省级以下荣誉不能开通职称评审绿色通道");
        Assert.Contains("省级以上政府特殊津贴", reject.Reason, StringComparison.Ordinal);
        // A person reads the reason: the clause is cited by document number (docs/rules.md).
        Assert.Contains("（人社部发〔2020〕96号 二（二）3）", reject.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("可填", reject.Reason, StringComparison.Ordinal);
        Assert.Empty(Assert.Single(result.Records).Honours);
    }

    [Theory]
    [InlineData("北京市政府特殊津贴")]
    [InlineData("自治区级政府特殊津贴")]
    [InlineData("省（区、市）人民政府认定的高精尖缺人才")]
    [InlineData("优秀员工")]
    public void Other_unknown_honours_still_list_the_accepted_values(string honour)
    {
        Assert.False(HonourKindField.IsBelowProvincial(honour));
        _folder.WithEmployees("E1").Write("honours.csv", "employee_id,kind,awarded_on", $"E1,{honour},2021-11-30");

        RejectAssert.Single(_folder.Read(), "honours.csv", 2, "kind", honour, "无法识别，可填：");
    }

    [Theory]
    [InlineData("国务院政府特殊津贴")]
    [InlineData("省政府特殊津贴")]
    [InlineData("省级以上政府特殊津贴")]
    public void Provincial_and_state_council_allowances_are_read_as_the_green_channel_allowance(string honour)
    {
        _folder.WithEmployees("E1").Write("honours.csv", "employee_id,kind,awarded_on", $"E1,{honour},2021-11-30");

        var result = _folder.Read();

        Assert.Empty(result.Rejects);
        Assert.Equal(HonourKind.SpecialGovernmentAllowance, Assert.Single(Assert.Single(result.Records).Honours).Kind);
    }

    // 特级技师 and 首席技师 are appointed posts (人社部发〔2022〕14号), not 职业资格 or 职业技能等级 certificates.
    [Theory]
    [InlineData("特级技师")]
    [InlineData("chief_technician")]
    public void A_principal_or_chief_technician_certificate_row_is_rejected_as_an_appointed_post(string level)
    {
        _folder.WithEmployees("E1").Write(
            "skill_certificates.csv",
            "employee_id,level,issued_on",
            $"E1,{level},2021-11-30",
            "E1,高级技师,2015-06-01");

        var result = _folder.Read();

        var reject = RejectAssert.Single(result, "skill_certificates.csv", 2, "level", level, "特级技师、首席技师为企业聘任的岗位，不是职业资格或职业技能等级证书");
        Assert.Contains("appointed_skill_level", reject.Reason, StringComparison.Ordinal);
        Assert.Equal(SkillLevel.SeniorTechnician, Assert.Single(Assert.Single(result.Records).Certificates).Level);
    }

    [Fact]
    public void An_unknown_certificate_level_lists_the_certificate_levels_only()
    {
        _folder.WithEmployees("E1").Write("skill_certificates.csv", "employee_id,level,issued_on", "E1,八级工,2021-11-30");

        var reject = RejectAssert.Single(_folder.Read(), "skill_certificates.csv", 2, "level", "八级工", "无法识别，可填：");
        Assert.EndsWith("高级技师(senior_technician)", reject.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("特级技师", reject.Reason, StringComparison.Ordinal);
    }
}
