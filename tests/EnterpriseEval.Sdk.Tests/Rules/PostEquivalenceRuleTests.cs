using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;
using static EnterpriseEval.Sdk.Tests.EmployeeRecordBuilder;

namespace EnterpriseEval.Sdk.Tests.Rules;

public sealed class PostEquivalenceRuleTests
{
    private static PostEquivalence? Equivalence(SkillLevel level, string? from, string? until) =>
        Screen.Defaults.Equivalence(
            new EmployeeRecordBuilder()
                .With(e => e with
                {
                    AppointedSkillLevel = level,
                    AppointedFrom = from is null ? null : D(from),
                    AppointedUntil = until is null ? null : D(until),
                })
                .Build(),
            Screen.DefaultCutOff);

    [Theory]
    [InlineData(SkillLevel.SeniorWorker, TitleLevel.Assistant)]
    [InlineData(SkillLevel.Technician, TitleLevel.Intermediate)]
    [InlineData(SkillLevel.SeniorTechnician, TitleLevel.AssociateSenior)]
    [InlineData(SkillLevel.PrincipalTechnician, TitleLevel.Senior)]
    [InlineData(SkillLevel.ChiefTechnician, TitleLevel.Senior)]
    public void Open_ended_appointment_is_treated_as_the_corresponding_title(SkillLevel appointed, TitleLevel title)
    {
        var equivalence = Equivalence(appointed, "2022-01-01", null);

        Assert.NotNull(equivalence);
        Assert.Equal(title, equivalence.EquivalentTitleLevel);
        Assert.Equal("R11", equivalence.Finding.RuleId);
        Assert.Contains($"比照{title.ToChinese()}专业技术人员享受同等待遇", equivalence.Finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Principal_technician_cites_the_2022_document()
    {
        var equivalence = Equivalence(SkillLevel.PrincipalTechnician, "2022-01-01", "2027-12-31");

        Assert.NotNull(equivalence);
        Assert.Contains("人社部发〔2022〕14号", equivalence.Finding.Message, StringComparison.Ordinal);
        Assert.Contains("聘期2022年1月1日至2027年12月31日", equivalence.Finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Appointment_starting_after_the_cut_off_gives_no_equivalence() =>
        Assert.Null(Equivalence(SkillLevel.Technician, "2027-01-01", null));

    [Fact]
    public void Appointment_ended_before_the_cut_off_gives_no_equivalence() =>
        Assert.Null(Equivalence(SkillLevel.Technician, "2020-01-01", "2026-12-30"));

    [Fact]
    public void Appointment_ending_on_the_cut_off_still_counts() =>
        Assert.NotNull(Equivalence(SkillLevel.Technician, "2020-01-01", "2026-12-31"));

    [Fact]
    public void Appointment_starting_on_the_cut_off_counts() =>
        Assert.NotNull(Equivalence(SkillLevel.Technician, "2026-12-31", null));

    [Fact]
    public void Appointment_below_senior_worker_gives_no_equivalence() =>
        Assert.Null(Equivalence(SkillLevel.IntermediateWorker, "2020-01-01", null));

    [Fact]
    public void No_appointment_gives_no_equivalence() =>
        Assert.Null(Screen.Defaults.Equivalence(new EmployeeRecordBuilder().Build(), Screen.DefaultCutOff));
}
