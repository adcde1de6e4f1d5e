using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Plugins;

namespace EnterpriseEval.Sdk.Testing.Tests.Support;

/// <summary>A small plug-in as an author would write it: one criterion with options, one template override.</summary>
public sealed class SamplePlugin : IEnterprisePlugin
{
    public void Configure(IPluginBuilder builder) => builder
        .BindOptions<SampleOptions>()
        .AddCriterion<SafetyCriterion>()
        .UseTemplate(DocumentKind.PostEquivalenceNotice, DocumentFormat.Html, "Templates/post_equivalence_notice.html.sbn");
}
