using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Rules;

/// <summary>One path of docs/rules.md "Which decisions are made": which targets it tries and which rules decide them.</summary>
internal interface IPathScreener
{
    /// <summary>The path screened.</summary>
    ScreeningPath Path { get; }

    /// <summary>
    /// Without applications, whether <see cref="AddPossibleTargets"/> may add anything for this employee, told from the
    /// record alone (a necessary condition of every target the path adds, checked before the employee's facts are
    /// gathered): false only when the path certainly opens no target.
    /// </summary>
    bool MayOpen(EmployeeRecord record);

    /// <summary>Without applications: the targets this employee may reach on the path, in ascending order.</summary>
    void AddPossibleTargets(EmployeeFacts facts, ref StackList<ScreeningTarget> targets);

    /// <summary>The target of an application row, with the defaults of docs/roster.md filled in.</summary>
    ScreeningTarget TargetOf(EmployeeFacts facts, Application application);

    /// <summary>Runs the path's rules on the target.</summary>
    Decision Screen(EmployeeFacts facts, ScreeningTarget target);
}
