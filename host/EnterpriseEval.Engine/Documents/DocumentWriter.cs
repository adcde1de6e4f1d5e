using System.Globalization;
using System.Text;
using EnterpriseEval.Sdk.Documents;

namespace EnterpriseEval.Engine.Documents;

/// <summary>
/// Writes a batch of documents to a folder: one file per document, and for HTML one more file holding the whole
/// batch for printing. File names and contents do not depend on scheduling.
/// </summary>
internal sealed class DocumentWriter(DocumentRenderer renderer)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The name of the batch file for a kind: <c>post_equivalence_notice_batch.html</c>.</summary>
    internal static string BatchFileName(DocumentKind kind) => $"{kind.ToCode()}_batch.html";

    /// <summary>
    /// Renders and writes the documents. Per-document files are named
    /// <c>&lt;kind code&gt;_&lt;sequence&gt;_&lt;employee id&gt;.&lt;html|md&gt;</c> (sequence from 1, zero-padded).
    /// </summary>
    /// <returns>The files written: the per-document files in model order, then the batch file for HTML.</returns>
    internal IReadOnlyList<string> Write(DocumentKind kind, IReadOnlyList<object> models, DocumentFormat format, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(models);
        Directory.CreateDirectory(outputDirectory);
        var descriptor = renderer.Kinds.Find(kind);
        var rendered = renderer.RenderAll(kind, format, models);
        var width = Math.Max(4, models.Count.ToString(CultureInfo.InvariantCulture).Length);
        var files = new string[models.Count];
        Parallel.For(0, models.Count, i =>
        {
            var person = descriptor.AddresseeOf(models[i]);
            var stem = string.Create(CultureInfo.InvariantCulture, $"{kind.ToCode()}_{(i + 1).ToString($"D{width}", CultureInfo.InvariantCulture)}");
            files[i] = Path.Combine(outputDirectory, $"{stem}{SafeSuffix(person?.EmployeeId)}.{DefaultTemplates.Extension(format)}");
            using var writer = new StreamWriter(files[i], append: false, Utf8);
            if (format == DocumentFormat.Html)
            {
                HtmlPage.Write(writer, person is null ? descriptor.ChineseName : $"{descriptor.ChineseName}（{person.Name}）", [rendered[i]]);
            }
            else
            {
                writer.Write(rendered[i]);
            }
        });

        if (format != DocumentFormat.Html)
        {
            return files;
        }

        var batch = Path.Combine(outputDirectory, BatchFileName(kind));
        using (var writer = new StreamWriter(batch, append: false, Utf8))
        {
            HtmlPage.Write(writer, $"{descriptor.ChineseName}（批量打印，共{models.Count}份）", rendered);
        }

        return [.. files, batch];
    }

    // An employee id comes from the roster: keep file names portable whatever it holds.
    private static string SafeSuffix(string? employeeId)
    {
        if (string.IsNullOrEmpty(employeeId))
        {
            return "";
        }

        var invalid = Path.GetInvalidFileNameChars();
        var safe = new string([.. employeeId.Select(c => invalid.Contains(c) || char.IsWhiteSpace(c) || c == '.' ? '_' : c)]);
        return "_" + safe;
    }
}
