namespace Ganjiang.HeavyMachinery;

/// <summary>The firm's adjustable thresholds, bound from configuration section <c>Plugins:ganjiang-heavy</c>.</summary>
internal sealed class GanjiangHeavyOptions
{
    /// <summary>继续教育学时: the hours required in each of the last three years (办法第十二条: 72).</summary>
    public decimal ContinuingEducationHoursPerYear { get; set; } = 72;

    /// <summary>传技带徒: the apprentices a 技师 must have taught before applying for 中级 (办法第十三条: 2).</summary>
    public int MinimumApprentices { get; set; } = 2;

    /// <summary>Refuses values that would make a criterion meaningless, so the plug-in fails at load, by name.</summary>
    public GanjiangHeavyOptions Validated()
    {
        if (ContinuingEducationHoursPerYear <= 0)
        {
            throw new InvalidOperationException(
                $"配置项 Plugins:ganjiang-heavy:ContinuingEducationHoursPerYear 应大于0，当前为{ContinuingEducationHoursPerYear}");
        }

        if (MinimumApprentices <= 0)
        {
            throw new InvalidOperationException(
                $"配置项 Plugins:ganjiang-heavy:MinimumApprentices 应大于0，当前为{MinimumApprentices}");
        }

        return this;
    }
}
