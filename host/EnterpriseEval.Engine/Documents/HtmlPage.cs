using EnterpriseEval.Sdk.Documents;

namespace EnterpriseEval.Engine.Documents;

/// <summary>
/// The A4 page shell of the SDK around rendered notices: one notice for a single file, many for a batch printed in
/// one go (each notice starts a new page).
/// </summary>
internal static class HtmlPage
{
    private const string TitleSlot = "<!--TITLE-->";
    private const string BodySlot = "<!--BODY-->";

    private static readonly Lazy<(string Head, string Tail)> Shell = new(() =>
    {
        var shell = DefaultTemplates.ReadPageShell();
        var body = shell.IndexOf(BodySlot, StringComparison.Ordinal);
        return (shell[..body], shell[(body + BodySlot.Length)..]);
    });

    /// <summary>Writes a complete HTML page holding <paramref name="notices"/>, in order.</summary>
    /// <param name="writer">Where the page goes.</param>
    /// <param name="title">The page title (escaped here).</param>
    /// <param name="notices">Rendered HTML notices.</param>
    internal static void Write(TextWriter writer, string title, IEnumerable<string> notices)
    {
        writer.Write(Shell.Value.Head.Replace(TitleSlot, OutputEscaper.Html(title), StringComparison.Ordinal));
        foreach (var notice in notices)
        {
            writer.Write(notice);
        }

        writer.Write(Shell.Value.Tail);
    }
}
