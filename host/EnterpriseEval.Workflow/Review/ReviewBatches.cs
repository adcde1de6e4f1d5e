using EnterpriseEval.Workflow.Review.Store;
using EnterpriseEval.Engine.Screening;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;
using Microsoft.Extensions.Configuration;
using EnterpriseEval.Engine;
using EnterpriseEval.Engine.Plugins;

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
        // The enterprise's authorisation is the host's (docs/plugins.md, "Review authorisation"): recorded in the batch's
        // configuration, so every step runs on it, and with its hash (and its file's) in the audit chain.
        var host = HostAuthorisation.Read(configuration, out var authorisationFile)
            ?? throw new UserFacingException(
                $"未配置本单位的自主评审授权（{HostAuthorisation.SectionName}，在 appsettings.json 或 --config 中设置，见 docs/plugins.md），不能建立自主评审批次；插件清单中的授权只能收窄主机配置的授权");
        var recorded = BatchRules.Capture(configuration, host);
        var directory = request.PluginsDirectory is null ? "" : Path.GetFullPath(request.PluginsDirectory);
        using var plugins = rules.LoadPlugins(recorded, directory);
        if (plugins.Refused.Count > 0)
        {
            throw new UserFacingException($"有插件未能加载，不能建立评审批次：{plugins.Refused[0].Message}");
        }

        // In scope only when every authorisation in force covers it: the host's and each manifest's intersect.
        foreach (var s in series.Split(';'))
        {
            foreach (var l in levels.Split(';'))
            {
                if (Vocabulary.TryParse<TitleLevel>(l, out var level) && Vocabulary.TryParse<TitleSeries>(s, out var ts)
                    && plugins.InForce.Select(a => a.OutsideReason(ts, level, asOf)).FirstOrDefault(r => r is not null) is { } outside)
                {
                    throw new UserFacingException(outside + "，不能纳入本批次");
                }
            }
        }

        var definition = new BatchDefinition(
            request.Name,
            request.Year,
            series,
            levels,
            asOf,
            string.Join("；", plugins.InForce.OrderBy(a => ReferenceEquals(a, plugins.HostAuthorisation) ? 0 : 1).Select(a => a.Describe()).Distinct(StringComparer.Ordinal)),
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
            new Dictionary<string, string>(BatchIntegrity.Facts(plugins, directory, host, authorisationFile))
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
