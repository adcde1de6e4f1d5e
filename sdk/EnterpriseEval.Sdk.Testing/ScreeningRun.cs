using EnterpriseEval.Engine;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Testing;

/// <summary>
/// What one screening through the engine produced: every decision (statutory rules, then the plug-in's criteria
/// behind the engine's guardrails), post equivalences, and for a roster read from a folder the rows it rejected.
/// </summary>
public sealed class ScreeningRun
{
    internal ScreeningRun(InMemoryDecisionSink result, IReadOnlyList<string> rosterRejects)
    {
        AsOf = result.Summary!.AsOf;
        Decisions = [.. result.Decisions];
        Equivalences = result.Equivalences;
        PluginProvenance = result.Summary.PluginProvenance;
        RosterRejects = rosterRejects;
    }

    /// <summary>The cut-off date screened at.</summary>
    public DateOnly AsOf { get; }

    /// <summary>Every decision, employees in input order, each employee's by path and ascending target.</summary>
    public IReadOnlyList<Decision> Decisions { get; }

    /// <summary>Post equivalences (岗位比照) of employees appointed on the cut-off, with the plug-in's internal grade.</summary>
    public IReadOnlyList<PostEquivalence> Equivalences { get; }

    /// <summary>The plug-ins as every decision records them: <c>id@version#sha256</c>, <c>;</c> separated.</summary>
    public string PluginProvenance { get; }

    /// <summary>
    /// For <see cref="PluginTestHost.ScreenRoster"/>: each rejected row or value, as a Chinese line naming file, row,
    /// column and reason. Empty when the records were built in code.
    /// </summary>
    public IReadOnlyList<string> RosterRejects { get; }

    /// <summary>Every decision about one employee (none when the employee was not screened or reaches no path).</summary>
    public IReadOnlyList<Decision> DecisionsFor(string employeeId) => [.. Decisions.Where(d => d.EmployeeId == employeeId)];

    /// <summary>
    /// The one decision about an employee on a path. Fails when there is none, or more than one (several target
    /// levels): give the employee an application (<see cref="EmployeeBuilder.Applying(ScreeningPath, TitleLevel, TitleSeries?)"/>)
    /// or pick from <see cref="DecisionsFor"/>.
    /// </summary>
    /// <exception cref="PluginAssertionException">No decision, or more than one.</exception>
    public Decision For(string employeeId, ScreeningPath path)
    {
        var mine = DecisionsFor(employeeId);
        var matches = mine.Where(d => d.Path == path).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new PluginAssertionException(
                $"职工 {employeeId} 在{path.ToChinese()}路径上没有筛查结论。已有结论：{DecisionText.List(mine)}"
                + $"{Environment.NewLine}No decision for employee {employeeId} on path {path}."),
            _ => throw new PluginAssertionException(
                $"职工 {employeeId} 在{path.ToChinese()}路径上有{matches.Count}个结论（不同申报层级），请为其添加申报（Applying）或从 DecisionsFor 中选取：{DecisionText.List(matches)}"
                + $"{Environment.NewLine}{matches.Count} decisions for employee {employeeId} on path {path}; add an application or use DecisionsFor."),
        };
    }
}
