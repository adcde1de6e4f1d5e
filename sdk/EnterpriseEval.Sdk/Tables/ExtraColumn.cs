using EnterpriseEval.Sdk.Plugins;

namespace EnterpriseEval.Sdk.Tables;

/// <summary>
/// A column of a plug-in's extra table (docs/plugin-authoring.md, "Reading extra columns and files"): English and
/// Chinese header (a file may carry either), type, whether it is required, and what it is about. Made with the static
/// factories (<see cref="Text"/>, <see cref="Date"/>, <see cref="Integer"/>, <see cref="Decimal"/>, <see cref="Code"/>),
/// which return a typed handle (<see cref="ExtraColumn{T}"/>) that reads the parsed value from an <see cref="ExtraRow"/>.
/// </summary>
public abstract class ExtraColumn
{
    private protected ExtraColumn(string name, string chineseName, ExtraColumnType type, bool required, IReadOnlyList<CodeValue> codes)
    {
        Name = name?.Trim() ?? "";
        ChineseName = chineseName?.Trim() ?? "";
        Type = type;
        Required = required;
        Codes = codes;
    }

    /// <summary>The English header, matched without regard to case, e.g. <c>hours</c>.</summary>
    public string Name { get; }

    /// <summary>The Chinese header, matched exactly, e.g. <c>学时</c>.</summary>
    public string ChineseName { get; }

    /// <summary>What the column holds.</summary>
    public ExtraColumnType Type { get; }

    /// <summary>Whether the header must be present and every row must give a value.</summary>
    public bool Required { get; }

    /// <summary>The values of a <see cref="ExtraColumnType.Code"/> column; empty for other types.</summary>
    public IReadOnlyList<CodeValue> Codes { get; }

    /// <summary>
    /// What the column is about. A column about education, papers, foreign language or computer skills is hidden from
    /// criteria on the skill-to-title path (96号 二（二）1): its value reads as blank there.
    /// </summary>
    public CriterionTopic Topic { get; private set; }

    /// <summary>How messages name the column: <c>hours（学时）</c>.</summary>
    public string Display => $"{Name}（{ChineseName}）";

    /// <summary>The column's position in its table, set when the table is defined; -1 before.</summary>
    internal int Index { get; set; } = -1;

    /// <summary>The table the column belongs to, set when the table is defined.</summary>
    internal ExtraTable? Table { get; set; }

    /// <summary>A free-text column; a blank value reads as the empty string.</summary>
    /// <param name="name">The English header.</param>
    /// <param name="chineseName">The Chinese header.</param>
    /// <param name="required">Whether the header must be present and every row must give a value.</param>
    public static ExtraColumn<string> Text(string name, string chineseName, bool required = false) =>
        new(name, chineseName, ExtraColumnType.Text, required, []);

    /// <summary>A date column; a blank value reads as <see langword="null"/>.</summary>
    /// <param name="name">The English header.</param>
    /// <param name="chineseName">The Chinese header.</param>
    /// <param name="required">Whether the header must be present and every row must give a value.</param>
    public static ExtraColumn<DateOnly?> Date(string name, string chineseName, bool required = false) =>
        new(name, chineseName, ExtraColumnType.Date, required, []);

    /// <summary>A whole-number column; a blank value reads as <see langword="null"/>.</summary>
    /// <param name="name">The English header.</param>
    /// <param name="chineseName">The Chinese header.</param>
    /// <param name="required">Whether the header must be present and every row must give a value.</param>
    public static ExtraColumn<int?> Integer(string name, string chineseName, bool required = false) =>
        new(name, chineseName, ExtraColumnType.Integer, required, []);

    /// <summary>A decimal-number column; a blank value reads as <see langword="null"/>.</summary>
    /// <param name="name">The English header.</param>
    /// <param name="chineseName">The Chinese header.</param>
    /// <param name="required">Whether the header must be present and every row must give a value.</param>
    public static ExtraColumn<decimal?> Decimal(string name, string chineseName, bool required = false) =>
        new(name, chineseName, ExtraColumnType.Decimal, required, []);

    /// <summary>A code-list column; the row carries the English <see cref="CodeValue.Code"/>, or the empty string when blank.</summary>
    /// <param name="name">The English header.</param>
    /// <param name="chineseName">The Chinese header.</param>
    /// <param name="required">Whether the header must be present and every row must give a value.</param>
    /// <param name="values">The accepted values, each with its English code and Chinese word.</param>
    public static ExtraColumn<string> Code(string name, string chineseName, bool required, params CodeValue[] values) =>
        new(name, chineseName, ExtraColumnType.Code, required, [.. values ?? []]);

    /// <summary>The English code of a Chinese value or of an English code written in any case; null when not in the list.</summary>
    /// <param name="text">The value as written.</param>
    internal string? CodeOf(ReadOnlySpan<char> text)
    {
        foreach (var value in Codes)
        {
            if (text.Equals(value.Code, StringComparison.OrdinalIgnoreCase) || text.SequenceEqual(value.ChineseName))
            {
                return value.Code;
            }
        }

        return null;
    }

    /// <summary>Sets the topic; only before the column is part of a table.</summary>
    private protected void SetTopic(CriterionTopic topic)
    {
        if (Table is not null)
        {
            throw new InvalidOperationException($"Column {Name} is already part of table {Table.Name}: set its topic before defining the table.");
        }

        Topic = topic;
    }

    /// <inheritdoc/>
    public override string ToString() => Display;
}
