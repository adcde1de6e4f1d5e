using System.Runtime.CompilerServices;
using EnterpriseEval.Sdk.Model;

namespace EnterpriseEval.Service.Screening;

/// <summary>A quarter of a year: 2027 年第 1 季度 and its days.</summary>
internal readonly record struct Quarter(int Year, int Number)
{
    public DateOnly First => new(Year, ((Number - 1) * 3) + 1, 1);

    public DateOnly Last => First.AddMonths(3).AddDays(-1);

    public string Label => $"{Year}年Q{Number}";

    public static Quarter Of(DateOnly date) => new(date.Year, ((date.Month - 1) / 3) + 1);

    public Quarter Next => Number == 4 ? new Quarter(Year + 1, 1) : new Quarter(Year, Number + 1);
}

/// <summary>
/// The figures of a completed screening's dashboard (docs/service.md, "Pages"), counted in one pass over its decisions
/// and kept with the job: decisions per path and outcome, per department and outcome, and the talent pipeline — how
/// many employees become eligible for each level in each of the coming quarters, from <c>earliest_eligible_on</c>.
/// </summary>
internal sealed class Dashboard
{
    /// <summary>How many quarters after the cut-off the pipeline shows.</summary>
    public const int PipelineQuarters = 8;

    /// <summary>Departments shown one by one; the others are summed as “其他部门”.</summary>
    public const int TopDepartments = 12;

    /// <summary>The outcomes in the order the charts stack them.</summary>
    public static readonly Outcome[] Outcomes = [Outcome.Eligible, Outcome.NeedsReview, Outcome.NotEligible, Outcome.OutOfScope];

    public static readonly ScreeningPath[] Paths = [ScreeningPath.SkillToTitle, ScreeningPath.GreenChannel, ScreeningPath.TitleToSkill, ScreeningPath.SkillPromotion];

    private static readonly ConditionalWeakTable<ScreeningResults, Dashboard> Cache = new();

    private Dashboard(
        int[,] byPath, IReadOnlyList<(string Department, int[] ByOutcome)> departments, IReadOnlyList<Quarter> quarters,
        IReadOnlyList<(string Level, int[] PerQuarter)> pipeline, int later)
    {
        ByPath = byPath;
        Departments = departments;
        Quarters = quarters;
        Pipeline = pipeline;
        Later = later;
    }

    /// <summary>Decisions per path (rows, in <see cref="Paths"/> order) and outcome (columns, in <see cref="Outcomes"/> order).</summary>
    public int[,] ByPath { get; }

    /// <summary>Decisions per department (most decisions first; departments without any left out) and outcome.</summary>
    public IReadOnlyList<(string Department, int[] ByOutcome)> Departments { get; }

    /// <summary>The coming quarters, from the one after the cut-off date.</summary>
    public IReadOnlyList<Quarter> Quarters { get; }

    /// <summary>Per level code (lowest first), the employees who become eligible for it in each coming quarter.</summary>
    public IReadOnlyList<(string Level, int[] PerQuarter)> Pipeline { get; }

    /// <summary>Employee and level pairs that become eligible after the last quarter shown.</summary>
    public int Later { get; }

    /// <summary>The dashboard of a completed screening, counted once.</summary>
    public static Dashboard Of(ScreeningResults results) => Cache.GetValue(results, Count);

    private static Dashboard Count(ScreeningResults results)
    {
        var records = results.Screened.Roster.Records;
        var decisions = results.Screened.Result.DecisionsByEmployee;
        var asOf = results.Screened.Result.AsOf;
        var byPath = new int[Paths.Length, Outcomes.Length];
        var departments = new Dictionary<string, int[]>(StringComparer.Ordinal);

        var quarters = new List<Quarter>();
        for (var q = Quarter.Of(asOf.AddDays(1)); quarters.Count < PipelineQuarters; q = q.Next)
        {
            quarters.Add(q);
        }

        var pipeline = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var later = 0;
        var earliest = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        for (var e = 0; e < decisions.Count; e++)
        {
            var department = records[e].Employee.Department;
            if (!departments.TryGetValue(department, out var counts))
            {
                departments[department] = counts = new int[Outcomes.Length];
            }

            earliest.Clear();
            foreach (var d in decisions[e])
            {
                var o = Array.IndexOf(Outcomes, d.Outcome);
                var p = Array.IndexOf(Paths, d.Path);
                if (o >= 0 && p >= 0)
                {
                    byPath[p, o]++;
                    counts[o]++;
                }

                // The day this employee may first apply for this level, over every path that leads there.
                if (d.Outcome != Outcome.OutOfScope && d.EarliestEligibleOn is { } on && d.TargetLevelCode.Length > 0
                    && (!earliest.TryGetValue(d.TargetLevelCode, out var known) || on < known))
                {
                    earliest[d.TargetLevelCode] = on;
                }
            }

            foreach (var (level, on) in earliest)
            {
                if (on <= asOf)
                {
                    continue; // eligible already: not in the pipeline
                }

                var index = quarters.FindIndex(q => on >= q.First && on <= q.Last);
                if (index < 0)
                {
                    later++;
                    continue;
                }

                if (!pipeline.TryGetValue(level, out var perQuarter))
                {
                    pipeline[level] = perQuarter = new int[quarters.Count];
                }

                perQuarter[index]++;
            }
        }

        return new Dashboard(
            byPath,
            [.. departments.Where(d => d.Value.Sum() > 0).OrderByDescending(d => d.Value.Sum()).ThenBy(d => d.Key, StringComparer.Ordinal).Select(d => (d.Key, d.Value))],
            quarters,
            [.. pipeline.OrderBy(p => LevelOrder(p.Key)).Select(p => (p.Key, p.Value))],
            later);
    }

    /// <summary>Titles first (助理级 … 正高级), then skill levels (学徒工 … 首席技师).</summary>
    private static int LevelOrder(string code) =>
        Vocabulary.TryParse<TitleLevel>(code, out var t) ? (int)t
        : Vocabulary.TryParse<SkillLevel>(code, out var s) ? 100 + (int)s
        : 1000;
}
