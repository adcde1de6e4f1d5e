using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Sdk.Dates;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Rules;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Benchmarks;

/// <summary>
/// The same candidates for both engines: every (employee, path, target) the statutory rules try without applications
/// on the three paths R1–R4, R6–R8 cover. Our side gets them as application rows (so it screens exactly these and
/// nothing else), RulesEngine as <see cref="FlatCandidate"/>s.
/// </summary>
internal sealed class CandidateSet
{
    private static readonly ScreeningPath[] ComparedPaths = [ScreeningPath.SkillToTitle, ScreeningPath.GreenChannel, ScreeningPath.TitleToSkill];

    private CandidateSet(List<EmployeeRecord> records, List<FlatCandidate> flat)
    {
        Records = records;
        Flat = flat;
    }

    /// <summary>Employees with their candidates as application rows.</summary>
    public List<EmployeeRecord> Records { get; }

    /// <summary>The same candidates, flat, in the same order.</summary>
    public List<FlatCandidate> Flat { get; }

    public static CandidateSet Create(IReadOnlyList<EmployeeRecord> roster, StatutoryRuleSet rules, PolicyOptions policy, DateOnly asOf)
    {
        var compiled = CompiledPolicy.Compile(policy);
        var records = new List<EmployeeRecord>();
        var flat = new List<FlatCandidate>();
        foreach (var record in roster)
        {
            var applications = new List<Application>();
            foreach (var d in rules.Screen(record, asOf))
            {
                if (!ComparedPaths.Contains(d.Path))
                {
                    continue;
                }

                applications.Add(new Application
                {
                    Path = d.Path,
                    TargetTitleLevel = d.TargetTitleLevel,
                    TargetSkillLevel = d.TargetSkillLevel,
                    TargetSeries = d.TargetSeries,
                    TargetOccupation = d.TargetOccupation,
                });
                flat.Add(Flatten(record, d, compiled, asOf));
            }

            if (applications.Count > 0)
            {
                records.Add(record with { Applications = applications });
            }
        }

        return new CandidateSet(records, flat);
    }

    private static FlatCandidate Flatten(EmployeeRecord record, Decision d, CompiledPolicy policy, DateOnly asOf)
    {
        var facts = new EmployeeFacts(record, asOf);
        var employee = record.Employee;
        var rung = d.TargetTitleLevel is { } t ? Ladder.ForTitle(t) : null;
        SkillCertificate? rungCertificate = null;
        if (rung is { } r)
        {
            foreach (var c in record.Certificates)
            {
                if (facts.Counts(c) && c.Level >= r.Skill && (rungCertificate is null || c.IssuedOn < rungCertificate.IssuedOn))
                {
                    rungCertificate = c;
                }
            }
        }

        var workPeriodMetOn = rung is { } rr && rungCertificate is not null && record.WorkPeriods.Count > 0
            ? BestWorkPeriodMetOn(record, facts, rr, asOf)
            : DateTime.MaxValue;
        var required = d.TargetSkillLevel is { } s && Ladder.ForSkill(s) is { } skillRung ? (int)skillRung.Title : 0;
        var years = d.TargetSkillLevel is { } level && policy.TryGetYears(level, d.TargetOccupation, out var y, out _) ? y : 0;
        return new FlatCandidate
        {
            Path = d.Path.ToCode(),
            AsOf = ToDateTime(asOf),
            TargetTitleLevel = d.TargetTitleLevel is { } tl ? (int)tl : 0,
            TargetSeries = d.TargetSeries?.ToCode() ?? "",
            HasRungCertificate = rungCertificate is not null,
            RungCertificateIssuedOn = rungCertificate is null ? DateTime.MinValue : ToDateTime(rungCertificate.IssuedOn),
            HireDate = ToDateTime(employee.HireDate),
            HasWorkPeriods = record.WorkPeriods.Count > 0,
            WorkPeriodMetOn = workPeriodMetOn,
            PresumesTechnicalSkillWork = SkillYearsRule.PresumesTechnicalSkillWork(employee.PostCategory),
            Assessment1 = Assessment(record, asOf.Year - 3),
            Assessment2 = Assessment(record, asOf.Year - 2),
            Assessment3 = Assessment(record, asOf.Year - 1),
            HasGreenChannelHonour = record.Honours.Any(h => h.AwardedOn <= asOf && policy.OpensGreenChannel(h.Kind)),
            HasSeniorWorkerCertificate = facts.HighestCertificate() is { Level: >= SkillLevel.SeniorWorker },
            Frontline = employee.Frontline,
            HighestTitleLevel = facts.HighestTitle is { } title ? (int)title.Level : 0,
            RequiredTitleLevel = required,
            Occupation = employee.Occupation,
            TargetOccupation = d.TargetOccupation,
            WorkStart = ToDateTime(employee.WorkStart),
            RequiredYears = years,
        };
    }

    // With work periods the rule picks, of all qualifying certificates, the one met earliest; so does this.
    private static DateTime BestWorkPeriodMetOn(EmployeeRecord record, EmployeeFacts facts, Ladder.Rung rung, DateOnly asOf)
    {
        DateOnly? best = null;
        foreach (var c in record.Certificates)
        {
            if (facts.Counts(c) && c.Level >= rung.Skill &&
                TechnicalSkillWork.MetOn(c.IssuedOn, rung.Years, record.Employee.HireDate, facts.WorkPeriods, asOf) is { } metOn &&
                (best is null || metOn < best))
            {
                best = metOn;
            }
        }

        return best is { } date ? ToDateTime(date) : DateTime.MaxValue;
    }

    private static string Assessment(EmployeeRecord record, int year) =>
        record.Assessments.FirstOrDefault(a => a.Year == year)?.Result.ToCode() ?? "";

    private static DateTime ToDateTime(DateOnly date) => date.ToDateTime(TimeOnly.MinValue);

    /// <summary>Reads the benchmark roster.</summary>
    /// <summary>The benchmark roster, with the extra tables the given plug-ins declare read typed (as a run reads them).</summary>
    public static IReadOnlyList<EmployeeRecord> ReadRoster(IReadOnlyList<EnterpriseEval.Sdk.Tables.ExtraTable>? tables = null) =>
        RosterReader.ReadFolder(BenchmarkRoster.Folder(), tables: tables).Records;
}
