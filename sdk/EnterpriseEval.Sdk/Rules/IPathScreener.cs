using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Rules;

/// <summary>One path of docs/rules.md "Which decisions are made": which targets it tries and which rules decide them.</summary>
internal interface IPathScreener
{
    /// <summary>The path screened.</summary>
    ScreeningPath Path { get; }

    /// <summary>Without applications: the targets this employee may reach on the path, in ascending order.</summary>
    void AddPossibleTargets(EmployeeFacts facts, ref StackList<ScreeningTarget> targets);

    /// <summary>The target of an application row, with the defaults of docs/roster.md filled in.</summary>
    ScreeningTarget TargetOf(EmployeeFacts facts, Application application);

    /// <summary>Runs the path's rules on the target.</summary>
    Decision Screen(EmployeeFacts facts, ScreeningTarget target);
}
