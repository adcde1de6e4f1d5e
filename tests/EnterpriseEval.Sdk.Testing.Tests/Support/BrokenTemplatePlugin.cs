using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Plugins;

namespace EnterpriseEval.Sdk.Testing.Tests.Support;

/// <summary>A plug-in whose template names a variable the model lacks.</summary>
public sealed class BrokenTemplatePlugin : IEnterprisePlugin
{
    public void Configure(IPluginBuilder builder) =>
        builder.UseTemplate(DocumentKind.WageNotice, DocumentFormat.Markdown, "Templates/wage_notice.md.sbn");
}
