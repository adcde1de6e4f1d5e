using System.Globalization;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Plugins;
using Microsoft.Extensions.Options;

namespace Ganpower.PowerSupply.Scoring;

/// <summary>
/// Scores <c>achievements.csv</c> with <see cref="ScoreTable"/>: every achievement dated by the cut-off counts once,
/// in date order, up to its kind's cap. Each achievement yields one line for the record, scored or not, so a
/// reviewer sees why a total is what it is.
/// </summary>
internal sealed class AchievementScoring(IOptions<GanpowerSupplyOptions> options) : IAchievementScoring
{
    private readonly decimal _passMark = options.Value.Validated().PassMark;

    public AchievementScore Score(EmployeeRecord record, DateOnly asOf)
    {
        var byKind = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var lines = new List<string>();
        foreach (var achievement in InDateOrder(record.Achievements))
        {
            if (achievement.Date > asOf)
            {
                continue;
            }

            var (kind, rank) = (achievement.Kind.Trim(), achievement.Rank.Trim());
            var label = $"{achievement.Date.Year}年{kind}" + (rank.Length > 0 ? $"（{rank}）" : "");
            if (ScoreTable.PointsFor(kind, rank) is not { } points)
            {
                lines.Add($"{label}不在计分表中，未计分");
                continue;
            }

            var sofar = byKind.GetValueOrDefault(kind);
            var cap = ScoreTable.CapFor(kind);
            var counted = cap is { } c ? Math.Clamp(c - sofar, 0, points) : points;
            byKind[kind] = sofar + counted;
            lines.Add(cap is { } limit && counted < points
                ? $"{label}{Chinese(points)}分（该类上限{Chinese(limit)}分，计{Chinese(counted)}分）"
                : $"{label}{Chinese(points)}分");
        }

        return new AchievementScore(byKind.Values.Sum(), _passMark, lines);
    }

    // The achievements by date, ties in file order (a stable sort); the roster lists them in date order as a rule, and
    // then they are not copied or sorted at all.
    private static IEnumerable<Achievement> InDateOrder(IReadOnlyList<Achievement> achievements)
    {
        for (var i = 1; i < achievements.Count; i++)
        {
            if (achievements[i].Date < achievements[i - 1].Date)
            {
                return achievements.OrderBy(a => a.Date);
            }
        }

        return achievements;
    }

    /// <summary>A number as findings write it: 60, 7.5.</summary>
    /// <remarks>
    /// The text of <c>value.ToString("0.##")</c> (at most two decimals, rounded half away from zero, no trailing
    /// zeros), formatted with the standard format and trimmed: custom number formats were a fifth of the plug-in's
    /// time on a large roster.
    /// </remarks>
    public static string Chinese(decimal value)
    {
        Span<char> text = stackalloc char[32];
        decimal.Round(value, 2, MidpointRounding.AwayFromZero).TryFormat(text, out var length, default, CultureInfo.InvariantCulture);
        var number = text[..length];
        return (number.Contains('.') ? number.TrimEnd('0').TrimEnd('.') : number).ToString();
    }
}
