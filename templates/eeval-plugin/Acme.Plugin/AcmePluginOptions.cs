namespace Acme.Plugin;

/// <summary>
/// The firm's adjustable values, bound from configuration section <c>Plugins:acme-plugin</c> (e.g. the file given to
/// <c>eeval --config</c>); a value left out keeps its default.
/// </summary>
internal sealed class AcmePluginOptions
{
    /// <summary>本企业工龄: the years an employee must have worked at the firm before applying (办法第八条: 3).</summary>
    public int MinimumServiceYears { get; set; } = 3;

    /// <summary>Refuses a value that would make the criterion meaningless, so the plug-in fails at load, by name.</summary>
    public AcmePluginOptions Validated() => MinimumServiceYears > 0
        ? this
        : throw new InvalidOperationException($"配置项 Plugins:acme-plugin:MinimumServiceYears 应大于0，当前为{MinimumServiceYears}");
}
