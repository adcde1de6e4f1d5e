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
        foreach (var title in record.Titles)
        {
            if (title.ObtainedOn <= asOf && IsBetterTitle(title, HighestTitle))
            {
                HighestTitle = title;
            }
        }
    }

    private SkillCertificate? _highest;
    private bool _highestFound;

    internal EmployeeRecord Record { get; }

    internal Employee Employee => Record.Employee;

    /// <summary>The cut-off date.</summary>
    internal DateOnly AsOf { get; }

    /// <summary>The highest title obtained by the cut-off (the earliest obtained among equals).</summary>
    internal ProfessionalTitle? HighestTitle { get; }

    /// <summary>专业技术人才 (R10): holds a title, or works in a professional-technical post.</summary>
    internal bool IsProfessionalTechnical =>
        HighestTitle is not null || Employee.PostCategory == PostCategory.Technical;

    /// <summary>Whether the certificate counts: valid and issued by the cut-off.</summary>
    internal bool Counts(SkillCertificate certificate) =>
        certificate.Status == CertificateStatus.Valid && certificate.IssuedOn <= AsOf;

    /// <summary>Whether the target title level lies above every title held (targets tried without applications).</summary>
    internal bool IsAboveEveryTitle(TitleLevel target) => HighestTitle is null || target > HighestTitle.Level;

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
        foreach (var c in Record.Certificates)
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
}
