using EnterpriseEval.Sdk.Dates;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Rules;

/// <summary>
/// R1–R3 (96号 二（二）1): 取得高级工、技师、高级技师职业资格或职业技能等级后从事技术技能工作满2年、3年、4年，
/// 可分别申报评审相应专业助理级、中级、副高级职称。
/// </summary>
internal static class SkillYearsRule
{
    /// <summary>
    /// Checks the rung; of the qualifying certificates (the rung's level or higher) the one giving the earliest date
    /// is used and returned as <paramref name="basis"/>.
    /// </summary>
    internal static Finding Check(EmployeeFacts facts, Ladder.Rung rung, out SkillCertificate? basis)
    {
        var employee = facts.Employee;
        basis = null;
        DateOnly? best = null;
        foreach (var c in facts.Certificates)
        {
            if (!facts.Counts(c) || c.Level < rung.Skill)
            {
                continue;
            }

            var metOn = TechnicalSkillWork.MetOn(c.IssuedOn, rung.Years, employee.HireDate, facts.WorkPeriods, facts.AsOf);
            // A certificate whose date cannot be projected is used only when no other gives a date.
            if (basis is null || (metOn is { } d && (best is null || d < best)))
            {
                basis = c;
                best = metOn;
            }
        }

        if (basis is null)
        {
            return NoCertificate(rung, facts.AsOf);
        }

        // The sentence names the certificate and where its years count from, so the reviewer can redo the sum.
        var countedFrom = new CountedFromPhrase(CountedFrom(facts, basis, rung.Years, best), employee.HireDate);
        if (best is not { } date)
        {
            return NoDate(rung, basis, countedFrom);
        }

        return date <= facts.AsOf ? Met(rung, basis, countedFrom, date) : NotYet(rung, basis, countedFrom, date);
    }

    // One small method per sentence: the finding keeps the values its sentence names, and a static method puts them
    // into words when the sentence is read.
    private static Finding NoCertificate(Ladder.Rung rung, DateOnly asOf) => Finding.Deferred(
        rung.RuleId,
        Clauses.SkillToTitle,
        FindingKind.Failed,
        (rung, asOf),
        static a => $"截至{ChineseText.Date(a.asOf)}未持有有效的{a.rung.Skill.ToChinese()}及以上职业资格或职业技能等级证书，" +
            $"不能申报{a.rung.Title.ToChinese()}职称");

    private static Finding NoDate(Ladder.Rung rung, SkillCertificate basis, CountedFromPhrase countedFrom) => Finding.Deferred(
        rung.RuleId,
        Clauses.SkillToTitle,
        FindingKind.Failed,
        (rung, basis, countedFrom),
        static a => $"持有{ChineseText.Certificate(a.basis)}，{a.countedFrom}须满{a.rung.Years}年；" +
            $"工作经历记录显示技术技能工作未持续至今，无法推算满{a.rung.Years}年的日期");

    private static Finding Met(Ladder.Rung rung, SkillCertificate basis, CountedFromPhrase countedFrom, DateOnly date) => Finding.Deferred(
        rung.RuleId,
        Clauses.SkillToTitle,
        FindingKind.Met,
        (rung, basis, countedFrom, date),
        static a => $"持有{ChineseText.Certificate(a.basis)}，{a.countedFrom}满{a.rung.Years}年，" +
            $"已于{ChineseText.Date(a.date)}满足申报{a.rung.Title.ToChinese()}职称的年限要求");

    private static Finding NotYet(Ladder.Rung rung, SkillCertificate basis, CountedFromPhrase countedFrom, DateOnly date) => Finding.Deferred(
        rung.RuleId,
        Clauses.SkillToTitle,
        FindingKind.Failed,
        (rung, basis, countedFrom, date),
        static a => $"持有{ChineseText.Certificate(a.basis)}，{a.countedFrom}须满{a.rung.Years}年，" +
            $"将于{ChineseText.Date(a.date)}满足申报{a.rung.Title.ToChinese()}职称的年限要求",
        date);

    // Where the years count from: decided with the finding, put into words only with its sentence.
    private enum CountedFromKind
    {
        Issue,
        IssueLessOtherWork,
        Hire,
    }

    private static CountedFromKind CountedFrom(EmployeeFacts facts, SkillCertificate basis, int years, DateOnly? metOn)
    {
        if (facts.WorkPeriods.Length > 0)
        {
            return metOn is { } d && d != Anniversary.Of(basis.IssuedOn, years)
                ? CountedFromKind.IssueLessOtherWork
                : CountedFromKind.Issue;
        }

        return facts.Employee.HireDate > basis.IssuedOn ? CountedFromKind.Hire : CountedFromKind.Issue;
    }

    // The words for a CountedFromKind, formatted straight into the sentence.
    private readonly struct CountedFromPhrase(CountedFromKind kind, DateOnly hireDate) : ISpanFormattable
    {
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
            kind switch
            {
                CountedFromKind.IssueLessOtherWork => destination.TryWrite(provider, $"发证后扣除非技术技能工作时间，从事技术技能工作", out charsWritten),
                CountedFromKind.Hire => destination.TryWrite(provider, $"自入职之日（{ChineseText.Date(hireDate)}）起从事技术技能工作", out charsWritten),
                _ => destination.TryWrite(provider, $"发证后从事技术技能工作", out charsWritten),
            };

        public string ToString(string? format, IFormatProvider? formatProvider) => $"{this}";
    }
}
