using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Rules;

/// <summary>
/// R7 (96号 二（二）3): 获得中华技能大奖、全国技术能手，担任国家级技能大师工作室带头人，享受省级以上政府特殊津贴的高技能人才，
/// 或各省（区、市）人民政府认定的“高精尖缺”高技能人才，并长期坚守在生产服务一线岗位工作的，可直接申报评审正高级或副高级职称。
/// Which honours count is configuration (<see cref="PolicyOptions.GreenChannelHonours"/>).
/// </summary>
internal sealed class GreenChannelRule(CompiledPolicy policy)
{
    private const string RuleId = "R7";

    // Constant sentences: built once, shared by every decision (findings are immutable).
    private static readonly Finding FrontlineMet =
        Finding.Create(RuleId, Clauses.GreenChannel, FindingKind.Met, "现岗位为生产服务一线岗位");

    private static readonly Finding NotFrontline = Finding.Create(
        RuleId,
        Clauses.GreenChannel,
        FindingKind.Failed,
        "现岗位不是生产服务一线岗位，不符合“长期坚守在生产服务一线岗位工作”的条件");

    /// <summary>Adds the findings on the honour, the frontline post and the target level.</summary>
    internal void Check(EmployeeFacts facts, TitleLevel target, ref StackList<Finding> findings)
    {
        findings.Add(CheckHonour(facts));
        findings.Add(facts.Employee.Frontline ? FrontlineMet : NotFrontline);
        if (target is not (TitleLevel.AssociateSenior or TitleLevel.Senior))
        {
            findings.Add(Finding.Create(
                RuleId,
                Clauses.GreenChannel,
                FindingKind.Failed,
                $"绿色通道只可直接申报正高级或副高级职称，申报的{target.ToChinese()}职称不适用"));
        }
    }

    private Finding CheckHonour(EmployeeFacts facts)
    {
        Honour? excluded = null;
        foreach (var honour in facts.Honours)
        {
            if (honour.AwardedOn > facts.AsOf)
            {
                continue;
            }

            if (policy.OpensGreenChannel(honour.Kind))
            {
                return Finding.Deferred(
                    RuleId,
                    Clauses.GreenChannel,
                    FindingKind.Met,
                    honour,
                    static h => $"获得{h.Kind.ToChinese()}（{ChineseText.Date(h.AwardedOn)}授予），可经绿色通道直接申报正高级或副高级职称");
            }

            excluded ??= honour;
        }

        // The statute lists all five honours; only configuration can leave one out, so that refusal cites it.
        return excluded is not null
            ? Finding.Deferred(
                RuleId,
                Clauses.ProjectDefault,
                FindingKind.Failed,
                excluded,
                static h => $"所获{h.Kind.ToChinese()}（{ChineseText.Date(h.AwardedOn)}授予）未列入本单位配置的绿色通道荣誉范围")
            : Finding.Deferred(
                RuleId,
                Clauses.GreenChannel,
                FindingKind.Failed,
                facts.AsOf,
                static asOf => $"截至{ChineseText.Date(asOf)}未获得可经绿色通道申报的荣誉（中华技能大奖、全国技术能手、" +
                "国家级技能大师工作室带头人、省级以上政府特殊津贴或“高精尖缺”高技能人才认定）");
    }
}
