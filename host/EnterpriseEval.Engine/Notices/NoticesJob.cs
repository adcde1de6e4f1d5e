using EnterpriseEval.Engine.Documents;
using EnterpriseEval.Engine.Output;
using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Engine.Screening;
using EnterpriseEval.Sdk.Documents;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Engine.Notices;

/// <summary>
/// The pipeline behind <c>eeval notices</c>, after the roster is screened (<see cref="ScreeningJob.Screen"/>): build
/// the models of one document kind, render them with the default templates or the plug-ins' own, write one file per notice (plus a combined
/// HTML file for printing) and an index of what was produced.
/// </summary>
internal sealed class NoticesJob(IOptions<DocumentsOptions> options, IOptions<ReviewOptions> review, TimeProvider time)
{
    public const string IndexFile = "index.csv";

    /// <summary><c>index.csv</c> status of a notice written.</summary>
    public const string Issued = "已出具";

    /// <summary><c>index.csv</c> status of a notice held back until its post equivalence is reviewed (R11).</summary>
    public const string ToReview = "待复核";

    /// <summary>
    /// Renders the notices of an already screened roster. Templates are read and checked again on every call, so a
    /// watch session reloads edited templates without reloading (unloading) any plug-in assembly.
    /// </summary>
    public NoticesReport Render(ScreenedRoster screened, NoticesRequest request, IProgress<ScreeningStage>? progress = null)
    {
        // Each group of plug-ins governing the same employees renders its employees' documents with its own templates
        // (docs/plugins.md, "Scope"); one group, the whole set, when no plug-in declares a scope.
        var catalogs = screened.Plugins.Scopes.Groups.Select(g => LoadTemplates(g, options.Value)).ToList();
        var catalog = catalogs[0];
        var issuedOn = request.IssuedOn ?? DateOnly.FromDateTime(time.GetLocalNow().Date);
        var builder = new NoticeModels(screened, options.Value, review.Value, issuedOn);
        var models = builder.Build(request.Kind);

        progress?.Report(new ScreeningStage("生成文书", 0, models.Count));
        var outputDirectory = request.Screening.OutputDirectory;
        IReadOnlyList<string> files;
        try
        {
            var renderers = catalogs.Select(c => new DocumentRenderer(c)).ToList();
            files = new DocumentWriter(renderers[0], renderers).Write(request.Kind, models, request.Format, outputDirectory, builder.GroupOfModel);
            WriteIndex(Path.Combine(outputDirectory, IndexFile), catalog.Kinds.Find(request.Kind), models, files, builder.Held);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserFacingException($"无法写入输出文件夹：{outputDirectory}（{e.Message}）", e);
        }
        catch (DocumentRenderException e)
        {
            throw new UserFacingException($"文书生成失败：{e.Message}", e);
        }

        progress?.Report(new ScreeningStage("生成文书", models.Count, models.Count));
        return new NoticesReport(
            request.Kind,
            models.Count,
            Path.Combine(outputDirectory, IndexFile),
            screened.Roster.Records.Count - screened.Result.NotApplied,
            screened.Roster.Rejects.Count,
            [.. screened.Plugins.Loaded.Select(p => $"{p.Manifest.Id} {p.Manifest.Version}（{p.Manifest.Enterprise}）")],
            [.. screened.Plugins.Refused.Select(e => e.Message)])
        {
            Held = builder.Held,
        };
    }

    /// <summary>
    /// The templates of a plug-in set (SDK defaults for the kinds it leaves alone), checked, with the 身份证号 masked
    /// as configured; the review's documents load theirs the same way.
    /// </summary>
    /// <exception cref="UserFacingException">A template does not load; the message gives origin, file, line and column.</exception>
    internal static TemplateCatalog LoadTemplates(PluginSet plugins, DocumentsOptions options)
    {
        try
        {
            return plugins.LoadTemplates(DocumentRenderOptions.Default with { MaskIdentityNumbers = options.MaskIdentityNumbers });
        }
        catch (TemplateLoadException e)
        {
            throw new UserFacingException(
                "模板校验未通过：" + string.Join("；", e.Errors.Select(x => $"{x.Origin} {x.File} 第{x.Line}行第{x.Column}列：{x.Message}")),
                e);
        }
    }

    /// <summary>
    /// <c>index.csv</c>: one line per file produced, with the employee it is addressed to (status 已出具), then one line
    /// per notice held back for review (status 待复核, no file, the reason).
    /// </summary>
    private static void WriteIndex(
        string path, DocumentKindDescriptor kind, IReadOnlyList<object> models, IReadOnlyList<string> files, IReadOnlyList<HeldNotice> held)
    {
        using var writer = CsvOutput.Create(path, ["kind", "sequence", "employee_id", "name", "document_number", "file", "status", "reason"]);
        for (var i = 0; i < files.Count; i++)
        {
            var (person, issue) = i < models.Count ? (kind.AddresseeOf(models[i]), kind.IssueOf(models[i])) : (null, null);
            using var row = writer.NewRow();
            row["kind"].Set(kind.Code);
            row["sequence"].Set(i < models.Count ? (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "batch");
            row["employee_id"].Set(SpreadsheetText.Safe(person?.EmployeeId ?? ""));
            row["name"].Set(SpreadsheetText.Safe(person?.Name ?? ""));
            row["document_number"].Set(SpreadsheetText.Safe(issue?.DocumentNumber ?? ""));
            row["file"].Set(SpreadsheetText.Safe(Path.GetFileName(files[i])));
            row["status"].Set(Issued);
            row["reason"].Set("");
        }

        foreach (var h in held)
        {
            using var row = writer.NewRow();
            row["kind"].Set(kind.Code);
            row["sequence"].Set("");
            row["employee_id"].Set(SpreadsheetText.Safe(h.EmployeeId));
            row["name"].Set(SpreadsheetText.Safe(h.Name));
            row["document_number"].Set("");
            row["file"].Set("");
            row["status"].Set(ToReview);
            row["reason"].Set(SpreadsheetText.Safe(h.Reason));
        }
    }
}
