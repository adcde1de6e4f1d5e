using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Sdk.Rules;

/// <summary>
/// One employee as seen on the cut-off date: nothing dated after it counts, revoked certificates never count
/// (docs/rules.md "What is seen"). Built once per employee and shared by every rule.
/// </summary>
internal sealed class EmployeeFacts
{
    internal EmployeeFacts(EmployeeRecord record, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(record);
        Record = record;
        AsOf = asOf;
        Certificates = ArrayOf(record.Certificates);
        Honours = ArrayOf(record.Honours);
        WorkPeriods = ArrayOf(record.WorkPeriods);
        Titles = ArrayOf(record.Titles);
        foreach (var title in Titles)
        {
            if (title.ObtainedOn <= asOf && IsBetterTitle(title, HighestTitle))
            {
                HighestTitle = title;
            }
        }
    }

    private SkillCertificate? _highest;
    private bool _highestFound;
    private Assessment[]? _assessmentArray;

    internal EmployeeRecord Record { get; }

    internal Employee Employee => Record.Employee;

    /// <summary>The cut-off date.</summary>
    internal DateOnly AsOf { get; }

    // The record's rows as arrays, which the rules loop over without an enumerator or an interface call per row.
    internal SkillCertificate[] Certificates { get; }

    // Read only where the record could not note them (EmployeeRecord.TryGetAssessmentRows): made when first asked.
    internal Assessment[] Assessments => _assessmentArray ??= ArrayOf(Record.Assessments);

    internal Honour[] Honours { get; }

    internal WorkPeriod[] WorkPeriods { get; }

    /// <summary>Every title row, including any obtained after the cut-off (which do not count).</summary>
    internal ProfessionalTitle[] Titles { get; }

    /// <summary>The highest title obtained by the cut-off (the earliest obtained among equals).</summary>
    internal ProfessionalTitle? HighestTitle { get; }

    /// <summary>专业技术人才 (R10): holds a title, or works in a professional-technical post.</summary>
    internal bool IsProfessionalTechnical =>
        HighestTitle is not null || Employee.PostCategory == PostCategory.Technical;

    /// <summary>What R4 found, once found (<see cref="AnnualAssessmentRule"/>): the same for every decision.</summary>
    internal AssessmentFindings? Assessment { get; set; }

    /// <summary>Whether the certificate counts: valid and issued by the cut-off.</summary>
    internal bool Counts(SkillCertificate certificate) =>
        certificate.Status == CertificateStatus.Valid && certificate.IssuedOn <= AsOf;

    /// <summary>
    /// Whether the target title level lies above every title held by the cut-off in the target's series (targets tried
    /// without applications, docs/rules.md): a title in another series does not hide the path (96号 二（二）1 and
    /// 二（一） bar nothing of the kind). With no series declared for the target, every title held in a 贯通 series
    /// counts, as the series the reviewer confirms can only be one of those.
    /// </summary>
    internal bool IsAboveEveryTitle(TitleLevel target, TitleSeries? series)
    {
        if (HighestTitle is null || target > HighestTitle.Level)
        {
            return true;
        }

        foreach (var title in Titles)
        {
            if (title.ObtainedOn <= AsOf && title.Level >= target &&
                (series is { } s ? title.Series == s : title.Series.IsThroughSeries()))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The highest counted certificate, in the occupation when one is given (the earliest issued among equals, as
    /// it is the one the years count from).
    /// </summary>
    internal SkillCertificate? HighestCertificate(string? occupation = null)
    {
        // Every path asks for the highest certificate in any occupation: found once per employee.
        if (occupation is null)
        {
            if (!_highestFound)
            {
                _highest = FindHighest(null);
                _highestFound = true;
            }

            return _highest;
        }

        return FindHighest(occupation);
    }

    private SkillCertificate? FindHighest(string? occupation)
    {
        SkillCertificate? best = null;
        foreach (var c in Certificates)
        {
            if (Counts(c) && (occupation is null || c.Occupation == occupation) &&
                (best is null || c.Level > best.Level || (c.Level == best.Level && c.IssuedOn < best.IssuedOn)))
            {
                best = c;
            }
        }

        return best;
    }

    private static bool IsBetterTitle(ProfessionalTitle candidate, ProfessionalTitle? best) =>
        best is null || candidate.Level > best.Level ||
        (candidate.Level == best.Level && candidate.ObtainedOn < best.ObtainedOn);

    // The roster reader hands out arrays; a record built otherwise (a plug-in's test, say) is copied once.
    private static T[] ArrayOf<T>(IReadOnlyList<T> rows) => rows as T[] ?? [.. rows];
}
