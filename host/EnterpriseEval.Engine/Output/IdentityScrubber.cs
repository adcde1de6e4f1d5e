using System.Text.RegularExpressions;
using EnterpriseEval.Sdk.Documents;

namespace EnterpriseEval.Engine.Output;

/// <summary>
/// Masks anything in a free text that looks like a 身份证号 — 18 characters (17 digits and a digit or X) or the old 15
/// digits, not part of a longer number — as documents print it (<see cref="IdentityNumber.Mask"/>). Used where a text may
/// quote a person's number without needing it: <c>rejects.csv</c> (the bad value and whole raw rows) and the messages of
/// plug-in exceptions before they are stored, logged or shown (docs/security.md, "Privacy").
/// </summary>
internal static partial class IdentityScrubber
{
    /// <summary>The text with every identity number in it masked; the same instance when there is none.</summary>
    public static string Scrub(string text) =>
        string.IsNullOrEmpty(text) || !MayHoldNumber(text) ? text : IdNumber().Replace(text, m => IdentityNumber.Mask(m.Value));

    // Fifteen digits in a row at least: a cheap test before the regular expression.
    private static bool MayHoldNumber(string text)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run >= 15)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex("(?<![0-9A-Za-z])(?:[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9A-Za-z])")]
    private static partial Regex IdNumber();
}
