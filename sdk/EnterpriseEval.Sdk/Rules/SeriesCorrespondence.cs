using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Rules;

/// <summary>Where the series of a title path without <c>target_series</c> comes from (docs/rules.md).</summary>
internal enum CorrespondenceOrigin
{
    /// <summary>The project's default data file (<see cref="OccupationSeriesData"/>).</summary>
    ProjectDefault,

    /// <summary><c>OccupationSeries</c> in configuration, or a plug-in's <c>MapOccupation</c>.</summary>
    Configured,

    /// <summary>Nothing declares the occupation, and the operator opted in to <c>DefaultSeries</c>.</summary>
    DefaultSeries,

    /// <summary>Nothing declares the occupation: no series.</summary>
    Missing,
}

/// <summary>
/// The series an occupation's title path aims at, with its R6 finding (96号 二（一）), built once per occupation so
/// that a decision only points at it.
/// </summary>
internal sealed class SeriesCorrespondence
{
    private const string RuleId = "R6";

    internal SeriesCorrespondence(string occupation, TitleSeries? series, string specialty, CorrespondenceOrigin origin)
    {
        Occupation = occupation;
        Series = series;
        Specialty = specialty;
        Origin = origin;
        Finding = Build();
    }

    /// <summary>The occupation as the roster names it (empty when the employee has none).</summary>
    internal string Occupation { get; }

    /// <summary>The series; null when no correspondence is declared.</summary>
    internal TitleSeries? Series { get; }

    /// <summary>The specialty (专业), when declared.</summary>
    internal string Specialty { get; }

    internal CorrespondenceOrigin Origin { get; }

    /// <summary>The R6 finding of every title decision that aims at this correspondence.</summary>
    internal Finding Finding { get; }

    private Finding Build()
    {
        if (Series is not { } series)
        {
            // 96号 二（二）1 opens the 「相应专业」 title only, and 二（一） leaves the 专业对应关系 to be declared: no guess.
            return Finding.Create(
                RuleId,
                Clauses.ThroughSeries,
                FindingKind.NeedsReview,
                Occupation.Length > 0
                    ? $"职业工种“{Occupation}”未声明对应的职称系列（专业对应关系），须由评审单位确认"
                    : "未登记职业工种，无法确定对应的职称系列（专业对应关系），须由评审单位确认");
        }

        var specialty = Specialty.Length > 0 ? $"{Specialty}专业" : "";
        var lead = Origin switch
        {
            CorrespondenceOrigin.ProjectDefault => $"按项目默认的专业对应关系，{Occupation}对应{series.ToChinese()}系列{specialty}；",
            CorrespondenceOrigin.Configured => $"按所配置的专业对应关系，{Occupation}对应{series.ToChinese()}系列{specialty}；",
            _ => (Occupation.Length > 0 ? $"职业工种“{Occupation}”" : "未登记职业工种，") +
                 $"未声明专业对应关系，按配置的默认系列（DefaultSeries）审查{series.ToChinese()}系列；",
        };
        var through = ThroughSeriesRule.Check(series);
        if (Origin == CorrespondenceOrigin.DefaultSeries && through.Kind == FindingKind.Met)
        {
            // An assumption the operator chose: shown in rule_ids so that a reviewer sees it.
            return Finding.Create(RuleId, Clauses.ThroughSeries, FindingKind.Flag, lead + ThroughSeriesRule.Sentence(series, asked: false));
        }

        return Finding.Create(RuleId, Clauses.ThroughSeries, through.Kind, lead + ThroughSeriesRule.Sentence(series, asked: false));
    }
}
