using EnterpriseEval.Sdk.Plugins;

namespace EnterpriseEval.Sdk.Tables;

/// <summary>
/// A typed handle on a column of a plug-in's extra table: <see cref="ExtraRow.Get{T}(ExtraColumn{T})"/> reads its
/// parsed value. <typeparamref name="T"/> is <see cref="string"/> for text and code columns, <see cref="DateOnly"/>?,
/// <see cref="int"/>? or <see cref="decimal"/>? for the others.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class ExtraColumn<T> : ExtraColumn
{
    internal ExtraColumn(string name, string chineseName, ExtraColumnType type, bool required, IReadOnlyList<CodeValue> codes)
        : base(name, chineseName, type, required, codes)
    {
    }

    /// <summary>
    /// Declares what the column is about (e.g. <see cref="CriterionTopic.Education"/> for a 学历 column), before the
    /// table is defined; returns the column.
    /// </summary>
    /// <param name="topic">The topic.</param>
    public ExtraColumn<T> About(CriterionTopic topic)
    {
        SetTopic(topic);
        return this;
    }
}
