using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Engine.Roster;

namespace EnterpriseEval.Engine.Screening;

/// <summary>A roster read and screened, with the plug-ins that screened it still loaded until disposed.</summary>
internal sealed record ScreenedRoster(RosterReadResult Roster, ScreeningResult Result, PluginSet Plugins) : IDisposable
{
    public void Dispose() => Plugins.Dispose();
}
