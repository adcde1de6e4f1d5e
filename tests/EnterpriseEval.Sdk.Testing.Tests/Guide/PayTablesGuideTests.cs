using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;
using EnterpriseEval.Sdk.Testing.Tests.Support;

namespace EnterpriseEval.Sdk.Testing.Tests.Guide;

/// <summary>
/// docs/plugin-authoring.md, "Pay tables and the wage and allowance notices": the guide's pay tables give what the
/// guide says, from the post equivalence the host passes, and the notice prints them.
/// </summary>
public sealed class PayTablesGuideTests
{
    private static readonly DateOnly AsOf = KitPlugins.AsOf;

    // A 技师 in post since 2025 with a 技师 certificate: R11 confirms the equivalence (技师 → 中级).
    private static EmployeeRecord AppointedTechnician() => EmployeeBuilder.Create("E1").Named("李四")
        .HiredOn(2010, 3, 1)
        .InSkillPost("车工")
        .WithCertificate(SkillLevel.SeniorWorker, "车工", new DateOnly(2015, 1, 1))
        .WithCertificate(SkillLevel.Technician, "车工", new DateOnly(2020, 6, 1))
        .AppointedAs(SkillLevel.Technician, new DateOnly(2025, 1, 1))
        .Build();

    [Fact]
    public void The_wage_item_follows_the_appointment_the_host_passes_and_starts_the_next_month()
    {
        using var host = PluginTestHost.For<PayPlugin>(KitPlugins.Folder("kit-pay"));
        var record = AppointedTechnician();
        var equivalence = Assert.Single(host.Screen([record], AsOf).Equivalences);
        Assert.Equal(EquivalenceStatus.Confirmed, equivalence.Status);

        var item = Assert.Single(new SkillPayTables().WageItems(record, equivalence, AsOf));

        Assert.Equal(new PayItem(
            "岗位技能工资（技师）", 800m, new DateOnly(2027, 1, 1),
            "《示例机械有限公司技能人才薪酬管理办法》第八条；人社部发〔2020〕96号 二（五）"), item);
        Assert.Empty(new SkillPayTables().WageItems(record, equivalence: null, AsOf));
    }

    [Fact]
    public void The_allowance_follows_the_highest_valid_certificate()
    {
        var item = Assert.Single(new SkillPayTables().AllowanceItems(AppointedTechnician(), null, AsOf));

        Assert.Equal("技能津贴（技师）", item.Name);
        Assert.Equal(400m, item.Amount);
    }

    [Fact]
    public void The_plugin_loads_and_its_items_print_in_the_allowance_notice()
    {
        using var host = PluginTestHost.For<PayPlugin>(KitPlugins.Folder("kit-pay"));
        host.Validate();
        var record = AppointedTechnician();
        var model = new PayNotice
        {
            Issue = new DocumentIssue { Enterprise = "示例机械有限公司", DocumentNumber = "人资字〔2027〕1号", IssuedOn = new DateOnly(2027, 1, 8) },
            Employee = new DocumentPerson { EmployeeId = "E1", Name = "李四" },
            Reason = "发放技能人才津贴",
            Items = new SkillPayTables().AllowanceItems(record, null, AsOf),
            Basis = [new PolicyBasis(Clauses.Equivalence)],
        };

        var markdown = host.RenderDocument(DocumentKind.AllowanceNotice, DocumentFormat.Markdown, model);

        Assert.Contains("技能津贴（技师）", markdown, StringComparison.Ordinal);
        Assert.Contains("400.00", markdown, StringComparison.Ordinal);
        Assert.Contains("2027年1月1日", markdown, StringComparison.Ordinal);
        Assert.Contains("人社部发〔2020〕96号 二（五）", markdown, StringComparison.Ordinal);
    }
}
