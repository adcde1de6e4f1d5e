using System.Globalization;
using System.Text;
using Spectre.Console;

namespace EnterpriseEval.Host.Cli;

/// <summary>
/// A value from a roster, a store or a plug-in as it is safe to print: Spectre markup escaped, and control characters
/// (ESC sequences that would move the cursor, recolour or retitle the terminal, NUL, bell) and the invisible direction
/// marks written as visible <c>\u001B</c>-style text (docs/security.md, "Outputs").
/// </summary>
internal static class ConsoleText
{
    /// <summary>The value, markup-escaped and with hidden characters made visible.</summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        StringBuilder? visible = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (IsHidden(c))
            {
                visible ??= new StringBuilder(value.Length + 8).Append(value, 0, i);
                visible.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                visible?.Append(c);
            }
        }

        return Markup.Escape(visible?.ToString() ?? value);
    }

    private static bool IsHidden(char c) =>
        char.IsControl(c) || c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
