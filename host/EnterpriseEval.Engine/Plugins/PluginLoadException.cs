namespace EnterpriseEval.Engine.Plugins;

/// <summary>A plug-in refused at load; the message names the plug-in and says why, in one line of Chinese.</summary>
internal sealed class PluginLoadException(string plugin, string problem, Exception? inner = null)
    : Exception($"插件 {plugin} 未加载：{problem}", inner)
{
    public string Plugin { get; } = plugin;
}
