using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;
using static EnterpriseEval.Sdk.Tests.EmployeeRecordBuilder;

namespace EnterpriseEval.Sdk.Tests.Rules;

/// <summary>
/// R11, 96号 二（五）: 「对在聘的高级工、技师、高级技师……比照相应层级专业技术人员享受同等待遇」. The appointment is checked
/// against the certificates held on the cut-off date (docs/rules.md, R11).
/// </summary>
public sealed class PostEquivalenceRuleTests
{
    // The certificate an appointment rests on: the appointed level itself, 高级技师 for the appointed posts 特级技师 and
    // 首席技师 (人社部发〔2022〕14号). These tests used to give no certificate at all and still expected a plain
    // equivalence: that is the defect of issue #19 (96/2.5 speaks of 在聘的高级工、技师、高级技师, people who hold the level).
    private static SkillLevel BackingCertificate(SkillLevel appointed) =>
        appointed > SkillLevel.SeniorTechnician ? SkillLevel.SeniorTechnician : appointed;

    private static PostEquivalence? Equivalence(SkillLevel level, string? from, string? until) =>
        Equivalence(level, from, until, b => b.Certificate(BackingCertificate(level), "2015-06-01"));

    private static PostEquivalence? Equivalence(
        SkillLevel level, string? from, string? until, Func<EmployeeRecordBuilder, EmployeeRecordBuilder> certificates) =>
        Screen.Defaults.Equivalence(
            certificates(new EmployeeRecordBuilder()
                .With(e => e with
                {
                    AppointedSkillLevel = level,
                    AppointedFrom = from is null ? null : D(from),
                    AppointedUntil = until is null ? null : D(until),
                }))
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
        Assert.Equal(EquivalenceStatus.Confirmed, equivalence.Status);
        Assert.Equal(FindingKind.Met, equivalence.Finding.Kind);
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

    // 96/2.5 「在聘的……高级技师」: appointed to a 高级技师 post while holding only a 技师 certificate is not a 高级技师.
    [Fact]
    public void Senior_technician_post_with_only_a_technician_certificate_needs_review_naming_both()
    {
        var equivalence = Equivalence(
            SkillLevel.SeniorTechnician, "2022-01-01", null, b => b.Certificate(SkillLevel.Technician, "2018-03-01", "JS-018"));

        Assert.NotNull(equivalence);
        Assert.Equal(EquivalenceStatus.NeedsReview, equivalence.Status);
        Assert.Equal(FindingKind.NeedsReview, equivalence.Finding.Kind);
        Assert.Equal(Clauses.Equivalence, equivalence.Finding.Clause);
        Assert.Equal("R11", equivalence.Finding.RuleId);
        Assert.Equal(TitleLevel.AssociateSenior, equivalence.EquivalentTitleLevel);
        Assert.Contains("未持有高级技师或以上等级的有效证书", equivalence.Finding.Message, StringComparison.Ordinal);
        Assert.Contains("所持最高为技师", equivalence.Finding.Message, StringComparison.Ordinal);
        Assert.Contains("JS-018", equivalence.Finding.Message, StringComparison.Ordinal);
        Assert.Contains("须人工复核", equivalence.Finding.Message, StringComparison.Ordinal);
    }

    // 96/2.5: a certificate above the appointed level also backs it (docs/rules.md "What is seen").
    [Fact]
    public void Technician_post_with_a_senior_technician_certificate_is_confirmed() =>
        Assert.Equal(
            EquivalenceStatus.Confirmed,
            Equivalence(SkillLevel.Technician, "2022-01-01", null, b => b.Certificate(SkillLevel.SeniorTechnician, "2019-01-01"))!.Status);

    // 特级技师 is an appointed post that presupposes 高级技师 (人社部发〔2022〕14号), not a certificate.
    [Theory]
    [InlineData(SkillLevel.PrincipalTechnician)]
    [InlineData(SkillLevel.ChiefTechnician)]
    public void Principal_and_chief_posts_without_a_senior_technician_certificate_need_review(SkillLevel appointed)
    {
        var equivalence = Equivalence(appointed, "2022-01-01", null, b => b.Certificate(SkillLevel.Technician, "2012-01-01"));

        Assert.NotNull(equivalence);
        Assert.Equal(EquivalenceStatus.NeedsReview, equivalence.Status);
        Assert.Equal(Clauses.Equivalence, equivalence.Finding.Clause);
        Assert.Contains($"{appointed.ToChinese()}为聘任岗位，以取得高级技师为前提（人社部发〔2022〕14号）", equivalence.Finding.Message, StringComparison.Ordinal);
        Assert.Contains("未持有高级技师或以上等级的有效证书", equivalence.Finding.Message, StringComparison.Ordinal);
    }

    // "What is seen": a revoked certificate never counts, nor one issued after the cut-off.
    [Fact]
    public void A_revoked_certificate_or_one_issued_after_the_cut_off_does_not_back_the_appointment()
    {
        var revoked = Equivalence(SkillLevel.Technician, "2022-01-01", null, b => b
            .Certificate(SkillLevel.Technician, "2016-01-01", status: CertificateStatus.Revoked)
            .Certificate(SkillLevel.SeniorWorker, "2012-01-01", "GJ-012"));
        var later = Equivalence(SkillLevel.Technician, "2022-01-01", null, b => b.Certificate(SkillLevel.Technician, "2027-01-05"));

        Assert.Equal(EquivalenceStatus.NeedsReview, revoked!.Status);
        Assert.Contains("所持最高为高级工", revoked.Finding.Message, StringComparison.Ordinal);
        Assert.Equal(EquivalenceStatus.NeedsReview, later!.Status);
    }

    [Fact]
    public void An_appointment_without_any_certificate_needs_review_saying_none_is_held()
    {
        var equivalence = Equivalence(SkillLevel.SeniorWorker, "2022-01-01", null, b => b);

        Assert.Equal(EquivalenceStatus.NeedsReview, equivalence!.Status);
        Assert.Contains("未持有高级工或以上等级的有效证书，也未持有其他有效的职业资格或职业技能等级证书", equivalence.Finding.Message, StringComparison.Ordinal);
    }
}
