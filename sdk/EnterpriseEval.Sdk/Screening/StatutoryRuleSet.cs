using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Rules;

namespace EnterpriseEval.Sdk.Screening;

/// <summary>
/// The statutory floor: rules R1–R12 of 人社部发〔2020〕96号 as forwarded by 赣人社字〔2021〕227号 (docs/rules.md), with the
/// date semantics of docs/rules.md "Dates". Thread-safe once created; one instance serves a whole run. Internal since SDK 1.1: the
/// engine runs it; plug-ins add criteria that can only tighten it (docs/plugin-authoring.md "Versioning").
/// </summary>
internal sealed partial class StatutoryRuleSet
{
    /// <summary>The version of the rule set; written into every output so a decision can be traced to its rules.</summary>
    public const string Version = "cn-96-2020+jx-227-2021/1.0.0";

    // In path order: the order decisions are reported in when there are no applications.
    private readonly IPathScreener[] _paths;

    private StatutoryRuleSet(CompiledPolicy policy)
    {
        var workYears = new CumulativeWorkYearsRule(policy);
        _paths =
        [
            new SkillToTitlePath(policy),
            new GreenChannelPath(policy, new GreenChannelRule(policy)),
            new TitleToSkillPath(new TitleToSkillRule(workYears), new RelatedMajorRule(policy)),
            new SkillPromotionPath(new SkillPromotionRule(workYears)),
        ];
        // PathOf finds a path by its value: the list must stay in the enum's order.
        for (var i = 0; i < _paths.Length; i++)
        {
            if (_paths[i].Path != ScreeningPath.SkillToTitle + i)
            {
                throw new InvalidOperationException("The statutory paths must be listed in ScreeningPath order.");
            }
        }
    }

    /// <summary>
    /// Creates the rule set for a run from the project defaults in <paramref name="options"/> (levels, series and
    /// honours may be given as codes or Chinese names).
    /// </summary>
    /// <param name="options">The policy configuration, usually bound from <see cref="PolicyOptions.SectionName"/>.</param>
    /// <returns>A rule set that can screen any number of employees, from any number of threads.</returns>
    /// <exception cref="ArgumentException">
    /// The configuration is invalid; the message is Chinese and names the offending key and value, ready to show to
    /// the person who wrote the configuration.
    /// </exception>
    public static StatutoryRuleSet Create(PolicyOptions options) => new(CompiledPolicy.Compile(options));

    /// <summary>
    /// Screens one employee as of the cut-off date. With applications, one decision per application row, in row
    /// order, and nothing else; without, one decision per path and target the employee may reach (docs/rules.md
    /// "Which decisions are made"), ordered by path (skill_to_title, green_channel, title_to_skill, skill_promotion)
    /// and then ascending target level. The same input always gives equal decisions. This looks at the employee alone:
    /// in a roster that has applications, an employee without any is not screened at all — use
    /// <see cref="Screen(EmployeeRecord, DateOnly, bool)"/> when screening a roster.
    /// </summary>
    /// <param name="record">Everything the roster says about the employee.</param>
    /// <param name="asOf">The cut-off date (截至日期); nothing dated after it is seen.</param>
    /// <returns>The decisions; empty when no path applies to the employee.</returns>
    public IReadOnlyList<Decision> Screen(EmployeeRecord record, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(record);
        var applications = record.Applications;

        // Without applications every path starts from rows the employee may not have: skill_to_title from a
        // certificate of 高级工 or above, skill_promotion from a certificate and a title or technical post, green_channel
        // from an honour, title_to_skill from a title (IPathScreener.MayOpen). When no path can open (about 60 % of the
        // employees of a generated roster: no rows, or only 初级工 and 中级工 certificates on a skill post), the
        // employee's facts are not gathered.
        if (applications.Count == 0 && !AnyPathMayOpen(record))
        {
            return [];
        }

        var facts = new EmployeeFacts(record, asOf);
        if (applications.Count > 0)
        {
            var decisions = new Decision[applications.Count];
            for (var i = 0; i < applications.Count; i++)
            {
                var path = PathOf(applications[i].Path);
                decisions[i] = path.Screen(facts, path.TargetOf(facts, applications[i]));
            }

            return decisions;
        }

        // Collected on the stack: most employees get no decision or one or two, and the array holds exactly those.
        var result = new StackList<Decision>();
        var targets = new StackList<ScreeningTarget>();
        foreach (var path in _paths)
        {
            targets.Clear();
            path.AddPossibleTargets(facts, ref targets);
            foreach (var target in targets.AsSpan())
            {
                result.Add(path.Screen(facts, target));
            }
        }

        return result.ToArray();
    }

    /// <summary>
    /// Screens one employee of a roster, knowing whether the roster as a whole has applications (docs/rules.md "Which
    /// decisions are made"): when it has, an employee without an application row gets no decision at all (people who
    /// did not apply are not screened); when it has not, every path is tried, as <see cref="Screen(EmployeeRecord, DateOnly)"/>.
    /// </summary>
    /// <param name="record">Everything the roster says about the employee.</param>
    /// <param name="asOf">The cut-off date (截至日期); nothing dated after it is seen.</param>
    /// <param name="rosterHasApplications">
    /// Whether the roster has an applications table (<c>applications.csv</c> or the 申报 sheet) with at least one row.
    /// </param>
    /// <returns>The decisions; empty when the employee did not apply, or when no path applies to the employee.</returns>
    public IReadOnlyList<Decision> Screen(EmployeeRecord record, DateOnly asOf, bool rosterHasApplications)
    {
        ArgumentNullException.ThrowIfNull(record);
        return rosterHasApplications && record.Applications.Count == 0 ? [] : Screen(record, asOf);
    }

    /// <summary>
    /// The post equivalence (岗位比照, R11) of an employee whose skill-level appointment is active on the cut-off date:
    /// 高级工, 技师, 高级技师 are treated as 助理级, 中级, 副高级; 特级技师 and 首席技师 as 正高级. An appointment not backed by a
    /// valid certificate of its level or higher held on the cut-off date (for 特级技师 and 首席技师, 高级技师) is
    /// <see cref="EquivalenceStatus.NeedsReview"/>, with a finding naming the certificate missing and the one held.
    /// </summary>
    /// <param name="record">Everything the roster says about the employee.</param>
    /// <param name="asOf">The cut-off date.</param>
    /// <returns>The equivalence, or <see langword="null"/> when the employee has no appointment active on the cut-off
    /// date or is appointed below 高级工.</returns>
    public PostEquivalence? Equivalence(EmployeeRecord record, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(record);
        return PostEquivalenceRule.Evaluate(record, asOf);
    }

    /// <summary>The paths, in path order (for tests of the rules' internals).</summary>
    internal IReadOnlyList<IPathScreener> Paths => _paths;

    private bool AnyPathMayOpen(EmployeeRecord record)
    {
        foreach (var path in _paths)
        {
            if (path.MayOpen(record))
            {
                return true;
            }
        }

        return false;
    }

    // The paths are numbered from 1 in path order, as _paths holds them.
    private IPathScreener PathOf(ScreeningPath path) =>
        (uint)(path - ScreeningPath.SkillToTitle) < (uint)_paths.Length
            ? _paths[path - ScreeningPath.SkillToTitle]
            : throw new ArgumentOutOfRangeException(nameof(path), path, $"未知的申报路径：{path}");
}
