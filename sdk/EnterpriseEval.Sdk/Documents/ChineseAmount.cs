using System.Globalization;
using System.Text;

namespace EnterpriseEval.Sdk.Documents;

/// <summary>
/// Amounts in yuan as notices print them: figures with two decimals and the upper-case form (人民币大写). Pure;
/// plug-ins may use it.
/// </summary>
public static class ChineseAmount
{
    private const string Digits = "零壹贰叁肆伍陆柒捌玖";
    private static readonly string[] PlaceUnits = ["", "拾", "佰", "仟"];
    private static readonly string[] SectionUnits = ["", "万", "亿", "万亿"];

    /// <summary>The largest amount <see cref="ToCapital"/> writes: 9,999,999,999,999,999.99 (up to 万亿).</summary>
    public const decimal MaxCapital = 9_999_999_999_999_999.99m;

    /// <summary>The figure with thousands separators and two decimals, rounded half away from zero: <c>1,200.00</c>.</summary>
    /// <param name="amount">The amount in yuan.</param>
    public static string ToFigure(decimal amount) =>
        Math.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// The amount in upper-case Chinese (人民币大写), rounded to the fen half away from zero:
    /// 0 → 零元整, 0.05 → 伍分, 10 → 拾元整, 1002.30 → 壹仟零贰元叁角, 1.05 → 壹元零伍分, 10000 → 壹万元整,
    /// 100000000 → 壹亿元整. A negative amount is prefixed with 负.
    /// </summary>
    /// <param name="amount">The amount in yuan; its magnitude at most <see cref="MaxCapital"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The magnitude exceeds <see cref="MaxCapital"/>.</exception>
    public static string ToCapital(decimal amount)
    {
        var rounded = Math.Round(amount, 2, MidpointRounding.AwayFromZero);
        var magnitude = Math.Abs(rounded);
        if (magnitude > MaxCapital)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "金额超出可书写的大写范围（万亿以内）。");
        }

        var yuan = (long)decimal.Truncate(magnitude);
        var cents = (int)((magnitude - yuan) * 100);
        var (jiao, fen) = (cents / 10, cents % 10);

        var text = new StringBuilder(rounded < 0 ? "负" : "");
        if (yuan > 0)
        {
            AppendYuan(text, yuan);
            text.Append('元');
        }

        if (jiao == 0 && fen == 0)
        {
            return yuan == 0 ? text.Append("零元整").ToString() : text.Append('整').ToString();
        }

        if (jiao > 0)
        {
            text.Append(Digits[jiao]).Append('角');
        }
        else if (yuan > 0)
        {
            // 元 followed directly by 分 needs a 零 between them (壹元零伍分).
            text.Append('零');
        }

        if (fen > 0)
        {
            text.Append(Digits[fen]).Append('分');
        }

        return text.ToString();
    }

    private static void AppendYuan(StringBuilder text, long yuan)
    {
        var start = text.Length;
        var sections = new List<int>();
        for (var rest = yuan; rest > 0; rest /= 10_000)
        {
            sections.Add((int)(rest % 10_000));
        }

        // One 零 stands for any run of zeros between two written digits, across section boundaries too.
        var zeroPending = false;
        for (var s = sections.Count - 1; s >= 0; s--)
        {
            var section = sections[s];
            if (section == 0)
            {
                zeroPending = text.Length > start;
                continue;
            }

            for (var place = 3; place >= 0; place--)
            {
                var digit = section / Pow10(place) % 10;
                if (digit == 0)
                {
                    zeroPending |= text.Length > start;
                    continue;
                }

                if (zeroPending)
                {
                    text.Append('零');
                    zeroPending = false;
                }

                text.Append(Digits[digit]).Append(PlaceUnits[place]);
            }

            text.Append(SectionUnits[s]);
        }

        // A leading 壹拾 is written 拾 (拾元整, 拾伍万元整).
        if (text.Length - start >= 2 && text[start] == '壹' && text[start + 1] == '拾')
        {
            text.Remove(start, 1);
        }
    }

    private static int Pow10(int place) => place switch { 0 => 1, 1 => 10, 2 => 100, _ => 1000 };
}
