using System.Text;
using nietras.SeparatedValues;

namespace EnterpriseEval.Engine.Output;

/// <summary>
/// Opens an output CSV the way HR users need it: UTF-8 with BOM (so Excel shows Chinese correctly), RFC 4180
/// quoting, the header written even when no row follows.
/// </summary>
internal static class CsvOutput
{
    internal static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static SepWriter Create(string path, IReadOnlyList<string> header)
    {
        var stream = new StreamWriter(path, append: false, Utf8WithBom, bufferSize: 1 << 16);
        var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(stream, leaveOpen: false);
        writer.Header.Add(header);
        writer.Header.Write();
        return writer;
    }

    public static string Date(DateOnly? date) =>
        date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
