using EnterpriseEval.Runtime.Plugins;
using EnterpriseEval.Runtime.Roster;

namespace EnterpriseEval.Runtime.Screening;

/// <summary>A roster read and screened, with the plug-ins that screened it still loaded until disposed.</summary>
internal sealed record ScreenedRoster(RosterReadResult Roster, ScreeningResult Result, PluginSet Plugins) : IDisposable
{
    public void Dispose() => Plugins.Dispose();
}
