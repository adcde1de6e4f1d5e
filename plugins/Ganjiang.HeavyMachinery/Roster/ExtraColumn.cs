namespace Ganjiang.HeavyMachinery.Roster;

/// <summary>
/// A column of one of the firm's extra roster files. HR exports carry either the English or the Chinese header, so
/// both are accepted.
/// </summary>
/// <param name="Name">The English header, e.g. <c>hours</c>.</param>
/// <param name="ChineseName">The Chinese header, e.g. <c>学时</c>.</param>
internal sealed record ExtraColumn(string Name, string ChineseName)
{
    /// <summary>The trimmed value of this column in <paramref name="row"/>; empty when the file lacks the column.</summary>
    public string Read(IReadOnlyDictionary<string, string> row) =>
        row.TryGetValue(Name, out var value) || row.TryGetValue(ChineseName, out value) ? value.Trim() : "";
}
