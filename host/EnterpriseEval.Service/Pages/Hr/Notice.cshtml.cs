using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Service.Screening;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace EnterpriseEval.Service.Pages.Hr;

/// <summary>
/// One rendered notice (the pipeline of <c>eeval notices</c>, as <c>GET /api/v1/screenings/{id}/notices/{employeeId}</c>):
/// downloaded as a file, or previewed inside the person's page. A preview is answered under
/// <see cref="SecurityHeaders.NoticePreviewPolicy"/>: framed only by the service's own pages, sandboxed, no script and
/// no request anywhere, whatever a plug-in's template wrote.
/// </summary>
[Authorize(Policy = Policies.Hr)]
internal sealed class NoticeModel(ScreeningJobs jobs, NoticeRendering notices) : AppPageModel
{
    public async Task<IActionResult> OnGetAsync(string id, string employeeId, string? kind, string? format, bool download, CancellationToken ct)
    {
        var results = jobs.Find(id)?.Results;
        if (results is null || results.Index.Employee(employeeId) is null)
        {
            return NotFound();
        }

        DocumentKind k;
        DocumentFormat f;
        try
        {
            k = NoticeRendering.ParseKind(kind);
            f = NoticeRendering.ParseFormat(format);
        }
        catch (Problems.ApiProblem)
        {
            return NotFound();
        }

        var (folder, index) = await notices.RenderAsync(results, k, f, null, ct).ConfigureAwait(false);
        var row = index.FirstOrDefault(r => r.EmployeeId == employeeId);
        if (row is null || row.File.Length == 0)
        {
            return NotFound();
        }

        var file = Path.Combine(folder, Path.GetFileName(row.File));
        var type = f == DocumentFormat.Html ? "text/html; charset=utf-8" : "text/markdown; charset=utf-8";
        if (download)
        {
            return PhysicalFile(file, type, Path.GetFileName(row.File));
        }

        HttpContext.Items[SecurityHeaders.NoticePreviewItem] = true;
        return PhysicalFile(file, type);
    }
}
