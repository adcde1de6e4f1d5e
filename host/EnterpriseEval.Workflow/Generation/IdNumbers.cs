using System.Globalization;

namespace EnterpriseEval.Workflow.Generation;

/// <summary>
/// 18-digit 居民身份证号码 (GB 11643-1999): 6-digit region (Jiangxi districts), birth date, 3-digit sequence whose
/// last digit is odd for men and even for women, and the check character over ISO 7064 MOD 11-2.
/// </summary>
internal static class IdNumbers
{
    private const string CheckCharacters = "10X98765432";

    private static readonly string[] Regions =
    [
        "360102", "360103", "360104", "360111", "360121", "360122", "360202", "360203", "360302", "360402", "360403",
        "360502", "360602", "360702", "360721", "360802", "360902", "360981", "361002", "361102", "361121",
    ];

    private static ReadOnlySpan<int> Weights => [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    public static string Next(Random random, DateOnly birthDate, bool male)
    {
        var sequence = random.Next(0, 50) * 2 + random.Next(0, 10) * 100 + (male ? 1 : 0);
        var body = Regions[random.Next(Regions.Length)]
            + birthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture)
            + sequence.ToString("000", CultureInfo.InvariantCulture);
        return body + CheckCharacter(body);
    }

    /// <summary>The check character of the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>The same number with a check character that does not fit (a planted bad value).</summary>
    public static string WithWrongCheck(string idNumber)
    {
        var right = CheckCharacters.IndexOf(idNumber[17], StringComparison.Ordinal);
        return string.Concat(idNumber.AsSpan(0, 17), CheckCharacters[(right + 1) % CheckCharacters.Length].ToString());
    }
}
