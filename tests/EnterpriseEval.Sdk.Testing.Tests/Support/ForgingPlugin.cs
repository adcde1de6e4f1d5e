using EnterpriseEval.Sdk.Plugins;

namespace EnterpriseEval.Sdk.Testing.Tests.Support;

/// <summary>A plug-in whose criterion forges a statutory finding and throws on the skill-promotion path.</summary>
public sealed class ForgingPlugin : IEnterprisePlugin
{
    public void Configure(IPluginBuilder builder) => builder.AddCriterion<ForgingCriterion>();
}
