using System.Globalization;
using System.Text;
using EnterpriseEval.Sdk.Documents;

namespace EnterpriseEval.Engine.Documents;

/// <summary>
/// Writes a batch of documents to a folder: one file per document, and for HTML one more file holding the whole
/// batch for printing. File names and contents do not depend on scheduling.
/// </summary>
/// <remarks>
/// With <paramref name="byGroup"/>, each document is rendered with the templates of the plug-ins that govern its
/// addressee (docs/plugins.md, "Scope"): the caller says, per model, which of those renderers to use.
/// </remarks>
internal sealed class DocumentWriter(DocumentRenderer renderer, IReadOnlyList<DocumentRenderer>? byGroup = null)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The name of the batch file for a kind: <c>post_equivalence_notice_batch.html</c>.</summary>
    internal static string BatchFileName(DocumentKind kind) => $"{kind.ToCode()}_batch.html";

    /// <summary>
    /// Renders and writes the documents. Per-document files are named
    /// <c>&lt;kind code&gt;_&lt;sequence&gt;_&lt;employee id&gt;.&lt;html|md&gt;</c> (sequence from 1, zero-padded).
    /// </summary>
    /// <returns>The files written: the per-document files in model order, then the batch file for HTML.</returns>
    /// <param name="groupOf">Per model, the index in the writer's renderers by group of the one to render it with; null = the one renderer.</param>
    internal IReadOnlyList<string> Write(
        DocumentKind kind, IReadOnlyList<object> models, DocumentFormat format, string outputDirectory, IReadOnlyList<int>? groupOf = null)
    {
        ArgumentNullException.ThrowIfNull(models);
        Directory.CreateDirectory(outputDirectory);
        var descriptor = renderer.Kinds.Find(kind);
        var rendered = byGroup is null || groupOf is null ? renderer.RenderAll(kind, format, models) : RenderByGroup(kind, format, models, groupOf);
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

    // Each group's documents rendered together with its own templates, put back in model order.
    private string[] RenderByGroup(DocumentKind kind, DocumentFormat format, IReadOnlyList<object> models, IReadOnlyList<int> groupOf)
    {
        var rendered = new string[models.Count];
        foreach (var group in Enumerable.Range(0, models.Count).GroupBy(i => groupOf[i]))
        {
            var indices = group.ToArray();
            var texts = byGroup![group.Key].RenderAll(kind, format, [.. indices.Select(i => models[i])]);
            for (var j = 0; j < indices.Length; j++)
            {
                rendered[indices[j]] = texts[j];
            }
        }

        return rendered;
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
