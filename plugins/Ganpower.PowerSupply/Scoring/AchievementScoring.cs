using System.Globalization;
using System.Text;
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
        var lines = new List<string>();
        var total = Tally(record, asOf, lines, static (list, line) => list.Add(line.ToString()));
        return new AchievementScore(total, _passMark, lines);
    }

    /// <summary>
    /// The score as <see cref="Score"/> makes it, its lines appended to <paramref name="text"/> rather than listed: each
    /// as <see cref="AchievementScore.Lines"/> words it, separated by 「、」 (the criterion's sentence, without a string
    /// per line).
    /// </summary>
    /// <returns>
    /// The total, the pass mark, whether the total reaches it (as <see cref="AchievementScore.Passed"/>) and whether any
    /// line was written.
    /// </returns>
    internal (decimal Total, decimal PassMark, bool Passed, bool AnyLine) Describe(EmployeeRecord record, DateOnly asOf, StringBuilder text)
    {
        var start = text.Length;
        var total = Tally(record, asOf, (text, start), static (s, line) => line.AppendTo(s.text.Length > s.start ? s.text.Append('、') : s.text));
        return (total, _passMark, total >= _passMark, text.Length > start);
    }

    // The one scoring loop behind both: every achievement dated by the cut-off, in date order, scored up to its kind's
    // cap, handed to `add` as a line.
    private static decimal Tally<TState>(EmployeeRecord record, DateOnly asOf, TState state, Action<TState, Line> add)
    {
        var achievements = InDateOrder(record.Achievements);
        if (achievements.Length == 0)
        {
            return 0;
        }

        // The points counted so far for each capped kind (a handful of kinds: a short list, not a dictionary).
        List<(string Kind, decimal Counted)>? capped = null;
        var total = 0m;
        foreach (var achievement in achievements)
        {
            if (achievement.Date > asOf)
            {
                continue;
            }

            var (kind, rank) = (achievement.Kind.Trim(), achievement.Rank.Trim());
            if (ScoreTable.Find(kind, rank) is not { } scored)
            {
                add(state, new Line(achievement.Date.Year, kind, rank, null, null, 0));
                continue;
            }

            if (scored.Cap is not { } cap)
            {
                total += scored.Points;
                add(state, new Line(achievement.Date.Year, kind, rank, scored.Points, null, scored.Points));
                continue;
            }

            capped ??= new(2);
            var k = capped.Count - 1;
            while (k >= 0 && capped[k].Kind != kind)
            {
                k--;
            }

            var sofar = k < 0 ? 0 : capped[k].Counted;
            var counted = Math.Clamp(cap - sofar, 0, scored.Points);
            if (k < 0)
            {
                capped.Add((kind, counted));
            }
            else
            {
                capped[k] = (kind, sofar + counted);
            }

            total += counted;
            add(state, new Line(achievement.Date.Year, kind, rank, scored.Points, cap, counted));
        }

        return total;
    }

    /// <summary>One achievement as scored: not in the table (no points), scored, or scored up to its kind's cap.</summary>
    private readonly record struct Line(int Year, string Kind, string Rank, decimal? Points, decimal? Cap, decimal Counted)
    {
        // 「2024年竞赛获奖（省级二等奖）30分」, 「…不在计分表中，未计分」, 「…5分（该类上限10分，计0分）」.
        public StringBuilder AppendTo(StringBuilder text)
        {
            text.Append(Year).Append('年').Append(Kind);
            if (Rank.Length > 0)
            {
                text.Append('（').Append(Rank).Append('）');
            }

            if (Points is not { } points)
            {
                return text.Append("不在计分表中，未计分");
            }

            text.Append(Chinese(points)).Append('分');
            return Cap is { } cap && Counted < points
                ? text.Append("（该类上限").Append(Chinese(cap)).Append("分，计").Append(Chinese(Counted)).Append("分）")
                : text;
        }

        public override string ToString() => AppendTo(new StringBuilder(48)).ToString();
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
