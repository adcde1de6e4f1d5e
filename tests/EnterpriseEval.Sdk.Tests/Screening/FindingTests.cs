using System.Runtime.CompilerServices;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Tests.Screening;

/// <summary>
/// Statutory findings compose their sentence only when it is first read: what a reader sees, compares and hashes must
/// not depend on whether, when or on how many threads that happens.
/// </summary>
public sealed class FindingTests
{
    [Fact]
    public void A_deferred_finding_reads_and_compares_exactly_like_one_created_with_its_sentence()
    {
        var deferred = Finding.Deferred("R1", "96/2.2.1", FindingKind.Failed, 2, static years => $"持有技师证书满{years}年。", new DateOnly(2027, 3, 1));
        var created = Finding.Create("R1", "96/2.2.1", FindingKind.Failed, "持有技师证书满2年。", new DateOnly(2027, 3, 1));

        Assert.Equal("持有技师证书满2年（人社部发〔2020〕96号 二（二）1）", deferred.Message);
        Assert.Equal(created, deferred);
        Assert.Equal(created.GetHashCode(), deferred.GetHashCode());
        Assert.Equal(created.ToString(), deferred.ToString());
    }

    [Fact]
    public void Findings_that_differ_in_sentence_date_or_kind_are_not_equal()
    {
        var basis = Finding.Create("R4", "96/2.2.1", FindingKind.Met, "甲");

        Assert.NotEqual(basis, Finding.Deferred("R4", "96/2.2.1", FindingKind.Met, "乙", static s => s));
        Assert.NotEqual(basis, Finding.Create("R4", "96/2.2.1", FindingKind.Info, "甲"));
        Assert.NotEqual(
            Finding.Create("R1", "96/2.2.1", FindingKind.Failed, "甲", new DateOnly(2027, 1, 1)),
            Finding.Create("R1", "96/2.2.1", FindingKind.Failed, "甲", new DateOnly(2027, 1, 2)));
    }

    [Fact]
    public void The_sentence_is_composed_once_and_the_same_text_is_seen_by_every_thread()
    {
        var composed = new StrongBox<int>();
        var finding = Finding.Deferred("R8", "96/2.4", FindingKind.Met, composed, static count =>
        {
            Interlocked.Increment(ref count.Value);
            return "持有工程系列中级职称";
        });

        var seen = new string[64];
        Parallel.For(0, seen.Length, i => seen[i] = finding.Message);

        Assert.All(seen, m => Assert.Equal("持有工程系列中级职称（人社部发〔2020〕96号 二（四））", m));
        // Threads racing on the first read may each compose; after that it is never composed again.
        var afterRace = composed.Value;
        _ = finding.Message;
        Assert.Equal(afterRace, composed.Value);
        Assert.InRange(afterRace, 1, seen.Length);
    }

    [Fact]
    public void Only_a_failed_deferred_finding_carries_the_day_it_will_be_met() =>
        Assert.Throws<ArgumentException>(() =>
            Finding.Deferred("R1", "96/2.2.1", FindingKind.Met, "甲", static s => s, new DateOnly(2027, 1, 1)));

    [Fact]
    public void Screening_the_same_employee_twice_gives_equal_decisions_whether_or_not_sentences_were_read()
    {
        var employee = new EmployeeRecordBuilder()
            .InTechnicalPost()
            .Certificate(SkillLevel.Technician, "2022-06-01", "JS-9")
            .Title(TitleLevel.Assistant, "2019-01-01")
            .Honour(HonourKind.NationalTechnicalExpert, "2023-01-01")
            .Assessed(2023, AssessmentResult.Excellent)
            .Assessed(2024, AssessmentResult.Qualified)
            .Assessed(2025, AssessmentResult.Qualified);

        var read = Screen.All(employee);
        var reasons = read.Select(d => d.Reasons()).ToList();
        var unread = Screen.All(employee);

        // Findings compare by rule, clause, kind, date and sentence; the second screening's are still unread.
        Assert.Equal(read.Select(d => d.Findings), unread.Select(d => d.Findings));
        Assert.Equal(reasons, unread.Select(d => d.Reasons()));
        Assert.All(reasons, r => Assert.DoesNotContain("{", r));
        Assert.Contains(reasons, r => r.Contains("2022年6月1日发证", StringComparison.Ordinal));
    }
}
