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
        var achievements = InDateOrder(record.Achievements);
        if (achievements.Length == 0)
        {
            return new AchievementScore(0, _passMark, []);
        }

        // The points counted so far for each capped kind (a handful of kinds: a short list, not a dictionary).
        var capped = new List<(string Kind, decimal Counted)>(2);
        var total = 0m;
        var lines = new List<string>(achievements.Length);
        foreach (var achievement in achievements)
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

            if (ScoreTable.CapFor(kind) is not { } cap)
            {
                total += points;
                lines.Add($"{label}{Chinese(points)}分");
                continue;
            }

            var k = capped.Count - 1;
            while (k >= 0 && capped[k].Kind != kind)
            {
                k--;
            }

            var sofar = k < 0 ? 0 : capped[k].Counted;
            var counted = Math.Clamp(cap - sofar, 0, points);
            if (k < 0)
            {
                capped.Add((kind, counted));
            }
            else
            {
                capped[k] = (kind, sofar + counted);
            }

            total += counted;
            lines.Add(counted < points
                ? $"{label}{Chinese(points)}分（该类上限{Chinese(cap)}分，计{Chinese(counted)}分）"
                : $"{label}{Chinese(points)}分");
        }

        return new AchievementScore(total, _passMark, lines);
    }

    // The achievements by date, ties in file order (a stable sort); the roster lists them in date order as a rule, and
    // then they are not copied or sorted at all. A handful per employee: an insertion sort, which is stable. The roster
    // reader hands an array, read as one (an array read through IReadOnlyList costs an interface call per element).
    private static Achievement[] InDateOrder(IReadOnlyList<Achievement> list)
    {
        var achievements = list as Achievement[] ?? [.. list];
        for (var i = 1; i < achievements.Length; i++)
        {
            if (achievements[i].Date < achievements[i - 1].Date)
            {
                var sorted = (Achievement[])achievements.Clone();
                for (var j = 1; j < sorted.Length; j++)
                {
                    var next = sorted[j];
                    var k = j - 1;
                    while (k >= 0 && sorted[k].Date > next.Date)
                    {
                        sorted[k + 1] = sorted[k];
                        k--;
                    }

                    sorted[k + 1] = next;
                }

                return sorted;
            }
        }

        return achievements;
    }

    private static readonly string[] WholeNumbers =
        [.. Enumerable.Range(0, 1000).Select(n => n.ToString(CultureInfo.InvariantCulture))];

    /// <summary>A number as findings write it: 60, 7.5.</summary>
    /// <remarks>
    /// The text of <c>value.ToString("0.##")</c> (at most two decimals, rounded half away from zero, no trailing
    /// zeros), formatted with the standard format and trimmed: custom number formats were a fifth of the plug-in's
    /// time on a large roster.
    /// </remarks>
    public static string Chinese(decimal value)
    {
        // Whole numbers as the roster writes them (hours, points: 40, 15) are the common case: their text made once.
        if (value.Scale == 0 && value >= 0 && value < WholeNumbers.Length)
        {
            return WholeNumbers[(int)value];
        }

        Span<char> text = stackalloc char[32];
        decimal.Round(value, 2, MidpointRounding.AwayFromZero).TryFormat(text, out var length, default, CultureInfo.InvariantCulture);
        var number = text[..length];
        return (number.Contains('.') ? number.TrimEnd('0').TrimEnd('.') : number).ToString();
    }
}
