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
        var countedFrom = CountedFrom(facts, basis, rung.Years, best);
        if (best is not { } date)
        {
            return NoDate(rung, basis, countedFrom);
        }

        // Without work-period rows the years are presumed from the hire or issue date; the current post must make
        // that presumption plausible, else the years are unknown (docs/rules.md, "Dates").
        if (facts.WorkPeriods.Length == 0 && !PresumesTechnicalSkillWork(employee.PostCategory))
        {
            return date <= facts.AsOf
                ? Unknown(rung, basis, countedFrom, employee.PostCategory, date)
                : NotEvenIfPresumed(rung, basis, countedFrom, employee.PostCategory, date, facts.AsOf);
        }

        return date <= facts.AsOf ? Met(rung, basis, countedFrom, date) : NotYet(rung, basis, countedFrom, date);
    }

    /// <summary>
    /// Whether the current post category lets the years of technical-skill work be presumed when no work-period rows
    /// are given: a skill post (技能岗位) is technical-skill work, and so is a professional-technical post (专业技术岗位,
    /// the 技术 of 技术技能工作); a management post (管理岗位) is not, nor any category added later until decided.
    /// </summary>
    internal static bool PresumesTechnicalSkillWork(PostCategory category) =>
        category is PostCategory.Skill or PostCategory.Technical;

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

    // Management post, no work-period rows, presumed date reached: whether the years were technical-skill work is unknown.
    private static Finding Unknown(
        Ladder.Rung rung, SkillCertificate basis, CountedFromPhrase countedFrom, PostCategory post, DateOnly date) => Finding.Deferred(
        rung.RuleId,
        Clauses.SkillToTitle,
        FindingKind.NeedsReview,
        (rung, basis, countedFrom, post, date),
        static a => $"持有{ChineseText.Certificate(a.basis)}，申报{a.rung.Title.ToChinese()}职称须在发证后从事技术技能工作满{a.rung.Years}年；" +
            $"现岗位为{a.post.ToChinese()}岗位且未登记工作经历，无法确认从事技术技能工作的年限" +
            $"（若{a.countedFrom.Since()}一直从事技术技能工作，已于{ChineseText.Date(a.date)}满{a.rung.Years}年），请在 work_periods.csv 中登记工作经历后复核");

    // Management post, no work-period rows, and even the presumption falls short: not met, with no date to promise.
    private static Finding NotEvenIfPresumed(
        Ladder.Rung rung, SkillCertificate basis, CountedFromPhrase countedFrom, PostCategory post, DateOnly date, DateOnly asOf) =>
        Finding.Deferred(
            rung.RuleId,
            Clauses.SkillToTitle,
            FindingKind.Failed,
            (rung, basis, countedFrom, post, date, asOf),
            static a => $"持有{ChineseText.Certificate(a.basis)}，申报{a.rung.Title.ToChinese()}职称须在发证后从事技术技能工作满{a.rung.Years}年；" +
                $"即使{a.countedFrom.Since()}一直从事技术技能工作，也要到{ChineseText.Date(a.date)}才满{a.rung.Years}年，截至{ChineseText.Date(a.asOf)}不满足年限要求；" +
                $"现岗位为{a.post.ToChinese()}岗位且未登记工作经历，实际年限须登记工作经历后核实");

    // Where the years count from: decided with the finding, put into words only with its sentence.
    private enum CountedFromKind
    {
        /// <summary>Work-period rows, every day after the certificate in technical-skill work.</summary>
        Issue,

        /// <summary>Work-period rows with days not in technical-skill work, which are deducted.</summary>
        IssueLessOtherWork,

        /// <summary>No work-period rows: presumed from the issue date.</summary>
        PresumedFromIssue,

        /// <summary>No work-period rows, hired after the certificate: presumed from the hire date.</summary>
        PresumedFromHire,
    }

    private static CountedFromPhrase CountedFrom(EmployeeFacts facts, SkillCertificate basis, int years, DateOnly? metOn)
    {
        var hireDate = facts.Employee.HireDate;
        if (facts.WorkPeriods.Length > 0)
        {
            // T = T0 + the days after the certificate not in technical-skill work (docs/rules.md, "Dates").
            var deducted = metOn is { } d ? d.DayNumber - Anniversary.Of(basis.IssuedOn, years).DayNumber : 0;
            return deducted > 0
                ? new(CountedFromKind.IssueLessOtherWork, hireDate, deducted)
                : new(CountedFromKind.Issue, hireDate, 0);
        }

        return new(hireDate > basis.IssuedOn ? CountedFromKind.PresumedFromHire : CountedFromKind.PresumedFromIssue, hireDate, 0);
    }

    // The words for where the years count from, formatted straight into the sentence. A presumption says it is one
    // (按…推定), never states the years as a fact; a deduction says how many days were deducted.
    private readonly struct CountedFromPhrase(CountedFromKind kind, DateOnly hireDate, int deductedDays) : ISpanFormattable
    {
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
            kind switch
            {
                CountedFromKind.IssueLessOtherWork => destination.TryWrite(
                    provider, $"按工作经历记录，发证后扣除未从事技术技能工作的{deductedDays}天，从事技术技能工作", out charsWritten),
                CountedFromKind.PresumedFromHire => destination.TryWrite(
                    provider, $"未登记工作经历，按入职日期（{ChineseText.Date(hireDate)}）推定自入职起从事技术技能工作", out charsWritten),
                CountedFromKind.PresumedFromIssue => destination.TryWrite(
                    provider, $"未登记工作经历，按发证日期推定发证后从事技术技能工作", out charsWritten),
                _ => destination.TryWrite(provider, $"发证后从事技术技能工作", out charsWritten),
            };

        public string ToString(string? format, IFormatProvider? formatProvider) => $"{this}";

        /// <summary>Where a presumption starts, for a hypothesis: 发证后 or 自入职之日（…）起.</summary>
        public string Since() => kind == CountedFromKind.PresumedFromHire
            ? $"自入职之日（{ChineseText.Date(hireDate)}）起"
            : "发证后";
    }
}
