using Acme.Plugin.Criteria;
using Acme.Plugin.Roster;
using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Plugins;

namespace Acme.Plugin;

/// <summary>
/// The plug-in of 示例机械有限公司: the firm's own criteria on top of the statutory rules, and its letterhead on the
/// post-equivalence notice. Named in plugin.json ("entryType"); what the plug-in is (id, version, SDK, review
/// authorisation) is declared there, this class only says what it contributes.
/// </summary>
public sealed class AcmePlugin : IEnterprisePlugin
{
    /// <inheritdoc />
    public void Configure(IPluginBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            .BindOptions<AcmePluginOptions>()   // configuration section Plugins:acme-plugin
            .AddExtraTable(ServiceBreaks.Table) // service_breaks.csv, read typed at import
            .AddCriterion<ServiceYearsCriterion>()
            .UseTemplate(DocumentKind.PostEquivalenceNotice, DocumentFormat.Html, "Templates/post_equivalence_notice.html.sbn");
    }
}
