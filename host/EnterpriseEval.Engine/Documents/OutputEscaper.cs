using System.Text;
using EnterpriseEval.Sdk.Documents;

namespace EnterpriseEval.Engine.Documents;

/// <summary>Escapes a value for the output format, so a value can never add markup to a document.</summary>
internal static class OutputEscaper
{
    /// <summary>Escapes for the given format.</summary>
    internal static string Escape(DocumentFormat format, string text) => format switch
    {
        DocumentFormat.Html => Html(text),
        DocumentFormat.Markdown => Markdown(text),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>HTML text and attribute values: <c>&amp; &lt; &gt; " '</c>. Chinese text stays as it is.</summary>
    internal static string Html(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            } ?? c.ToString());
        }

        return escaped.ToString();
    }

    /// <summary>
    /// Markdown inline text: backslash before every character that could start emphasis, code, links, HTML, a
    /// table cell or a heading; line breaks become spaces so a value cannot end a table row or start a block.
    /// </summary>
    internal static string Markdown(string text)
    {
        const string special = "\\`*_[]{}()<>|#~!&";
        if (text.AsSpan().IndexOfAny(special + "\r\n+-") < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\r' or '\n')
            {
                escaped.Append(c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? "" : " ");
                continue;
            }

            // + and - only make a list at the start of a value printed at the start of a line.
            if (special.Contains(c, StringComparison.Ordinal) || (i == 0 && c is '+' or '-'))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
