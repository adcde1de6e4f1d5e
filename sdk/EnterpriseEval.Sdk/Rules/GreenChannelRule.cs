using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Rules;

/// <summary>
/// R7 (96号 二（二）3): 获得中华技能大奖、全国技术能手，担任国家级技能大师工作室带头人，享受省级以上政府特殊津贴的高技能人才，
/// 或各省（区、市）人民政府认定的“高精尖缺”高技能人才，并长期坚守在生产服务一线岗位工作的，可直接申报评审正高级或副高级职称。
/// Which honours count is configuration (<see cref="PolicyOptions.GreenChannelHonours"/>). The clause opens the channel to
/// 高技能人才, whom 二（二）1 describes as holding 高级工以上职业资格或职业技能等级: the honour alone is not enough, a valid
/// 高级工-or-higher certificate held by the cut-off is required too (docs/rules.md, R7).
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

    /// <summary>Adds the findings on the honour, the skill level, the frontline post and the target level.</summary>
    internal void Check(EmployeeFacts facts, TitleLevel target, ref StackList<Finding> findings)
    {
        findings.Add(CheckHonour(facts));
        findings.Add(CheckSkillLevel(facts));
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
                    static h => $"{HonourPhrase(h)}，属于绿色通道所列情形");
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
                static h => $"{HonourPhrase(h)}，未列入本单位配置的绿色通道荣誉范围")
            : Finding.Deferred(
                RuleId,
                Clauses.GreenChannel,
                FindingKind.Failed,
                facts.AsOf,
                static asOf => $"截至{ChineseText.Date(asOf)}不具备可经绿色通道申报的条件：未获得中华技能大奖或全国技术能手，" +
                "未担任国家级技能大师工作室带头人，未享受省级以上政府特殊津贴，也未被认定为“高精尖缺”高技能人才");
    }

    // 高技能人才 (96号 二（二）1): 具备高级工以上职业资格或职业技能等级. The highest valid certificate is named either way,
    // so a reviewer sees what was held.
    private static Finding CheckSkillLevel(EmployeeFacts facts)
    {
        var highest = facts.HighestCertificate();
        if (highest is not null && highest.Level >= SkillLevel.SeniorWorker)
        {
            return Finding.Deferred(
                RuleId,
                Clauses.GreenChannel,
                FindingKind.Met,
                highest,
                static c => $"持有{ChineseText.Certificate(c)}，属于具备高级工及以上职业资格或职业技能等级的高技能人才");
        }

        return Finding.Deferred(
            RuleId,
            Clauses.GreenChannel,
            FindingKind.Failed,
            (highest, facts.AsOf),
            static a => (a.highest is null ? "" : $"所持最高为{ChineseText.Certificate(a.highest)}，") +
                $"截至{ChineseText.Date(a.AsOf)}未持有有效的高级工及以上职业资格或职业技能等级证书，" +
                "不属于绿色通道所指的高技能人才（高技能人才指具备高级工及以上职业资格或职业技能等级的技能人才），不能经绿色通道申报");
    }

    /// <summary>
    /// The honour with the policy's own verb (96号 二（二）3): 获得中华技能大奖/全国技术能手, 担任国家级技能大师工作室带头人,
    /// 享受省级以上政府特殊津贴, 被认定为“高精尖缺”高技能人才; with the date it was awarded.
    /// </summary>
    private static string HonourPhrase(Honour honour) => honour.Kind switch
    {
        HonourKind.NationalMasterStudioLead => $"担任国家级技能大师工作室带头人（{ChineseText.Date(honour.AwardedOn)}起）",
        HonourKind.SpecialGovernmentAllowance => $"享受省级以上政府特殊津贴（{ChineseText.Date(honour.AwardedOn)}批准）",
        HonourKind.ProvincialHighEndTalent => $"被认定为“高精尖缺”高技能人才（{ChineseText.Date(honour.AwardedOn)}认定）",
        _ => $"获得{honour.Kind.ToChinese()}（{ChineseText.Date(honour.AwardedOn)}授予）",
    };
}
