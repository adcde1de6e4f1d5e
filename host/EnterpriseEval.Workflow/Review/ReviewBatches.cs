using EnterpriseEval.Workflow.Review.Store;
using EnterpriseEval.Engine.Screening;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;
using Microsoft.Extensions.Configuration;
using EnterpriseEval.Engine;

namespace EnterpriseEval.Workflow.Review;

/// <summary>
/// <c>review new</c>: fixes what a batch covers and on which rules it runs — plug-ins (id, version, hash), rule-set
/// version, configuration — and checks the scope against the review authorisation in force.
/// </summary>
internal sealed class ReviewBatches(BatchRules rules, IConfiguration configuration, TimeProvider time)
{
    public ReviewBatch Create(IReviewStore store, NewBatchRequest request, string user)
    {
        if (store.FindBatch(request.Name) is not null)
        {
            throw new UserFacingException($"批次“{request.Name}”已存在，请换一个名称");
        }

        var series = BatchScope.ParseSeries(request.Series);
        var levels = BatchScope.ParseLevels(request.Levels);
        var asOf = request.AsOf ?? new DateOnly(request.Year, 12, 31);
        var recorded = BatchRules.Capture(configuration);
        var directory = request.PluginsDirectory is null ? "" : Path.GetFullPath(request.PluginsDirectory);
        using var plugins = rules.LoadPlugins(recorded, directory);
        if (plugins.Refused.Count > 0)
        {
            throw new UserFacingException($"有插件未能加载，不能建立评审批次：{plugins.Refused[0].Message}");
        }

        if (plugins.Authorisations.Count == 0)
        {
            throw new UserFacingException("未加载任何声明自主评审授权的插件，不能建立自主评审批次（请用 --plugins 指定本企业插件）");
        }

        foreach (var s in series.Split(';'))
        {
            foreach (var l in levels.Split(';'))
            {
                if (Vocabulary.TryParse<TitleLevel>(l, out var level) && Vocabulary.TryParse<TitleSeries>(s, out var ts)
                    && plugins.Authorisations.Select(a => a.OutsideReason(ts, level, asOf)).All(r => r is not null))
                {
                    throw new UserFacingException(plugins.Authorisations[0].OutsideReason(ts, level, asOf) + "，不能纳入本批次");
                }
            }
        }

        var definition = new BatchDefinition(
            request.Name,
            request.Year,
            series,
            levels,
            asOf,
            string.Join("；", plugins.Authorisations.Select(a => a.Describe())),
            plugins.Provenance,
            directory,
            StatutoryRuleSet.Version,
            recorded);
        // Checked again under the write lock: two `review new` of one name at once create one batch.
        using var lease = store.Lock();
        if (store.FindBatch(request.Name) is not null)
        {
            throw new UserFacingException($"批次“{request.Name}”已存在，请换一个名称");
        }

        var batch = store.CreateBatch(definition, new AuditDraft(
            "new",
            user,
            $"建立评审批次“{request.Name}”：{request.Year}年度，截止日期{Dates.Chinese(asOf)}",
            new Dictionary<string, string>
            {
                ["series"] = series,
                ["levels"] = levels,
                ["plugins"] = plugins.Provenance,
                ["rule_set_version"] = StatutoryRuleSet.Version,
                ["created_local"] = time.GetLocalNow().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            }));
        lease.Commit();
        return batch;
    }
}
