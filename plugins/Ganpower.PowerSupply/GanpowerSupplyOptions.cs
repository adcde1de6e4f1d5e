namespace Ganpower.PowerSupply;

/// <summary>The firm's adjustable values, bound from configuration section <c>Plugins:ganpower-supply</c>.</summary>
internal sealed class GanpowerSupplyOptions
{
    /// <summary>合格线: the achievement score at or above which the performance review is passed (细则第九条: 60).</summary>
    public decimal PassMark { get; set; } = 60;

    /// <summary>Refuses a pass mark that would pass or fail everyone, so the plug-in fails at load, by name.</summary>
    public GanpowerSupplyOptions Validated() =>
        PassMark > 0
            ? this
            : throw new InvalidOperationException($"配置项 Plugins:ganpower-supply:PassMark 应大于0，当前为{PassMark}");
}
