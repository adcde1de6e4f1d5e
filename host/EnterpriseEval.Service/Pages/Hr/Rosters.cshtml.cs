using EnterpriseEval.Engine.Screening;
using EnterpriseEval.Service.Endpoints;
using EnterpriseEval.Service.Problems;
using EnterpriseEval.Service.Rosters;
using EnterpriseEval.Service.Screening;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace EnterpriseEval.Service.Pages.Hr;

/// <summary>
/// The HR officer's rosters: upload (CSV files, a zip of a roster folder, a workbook — <see cref="RosterLibrary"/>, as
/// <c>POST /api/v1/rosters</c>), the rejected rows with file, row and column, and starting a screening of a roster.
/// </summary>
[Authorize(Policy = Policies.Hr)]
[RosterUploadForm]
internal sealed class RostersModel(RosterLibrary rosters, ScreeningJobs jobs, TimeProvider time) : AppPageModel
{
    public IReadOnlyList<RosterInfo> Rosters { get; private set; } = [];

    public RosterUpload? Uploaded { get; private set; }

    public string DefaultAsOf => CutOff.Default(time).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public void OnGet() => Load();

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        var files = Request.Form.Files;
        await TryAsync(async () =>
        {
            Uploaded = await rosters.UploadAsync([.. files], Actor, ct).ConfigureAwait(false);
            ViewData[PageMessages.DoneKey] = $"花名册 {Uploaded.Roster.Id} 已上传：{Uploaded.Roster.Employees} 名员工，拒收 {Uploaded.Roster.Rejects} 行。";
        }).ConfigureAwait(false);
        Load();
        return Page();
    }

    public IActionResult OnPostScreen(string? rosterId, string? asOf, bool allowStatutoryOnly)
    {
        ScreeningJobRun? job = null;
        if (Try(() =>
        {
            var roster = rosters.Find(rosterId ?? "") ?? throw ApiProblem.NotFound($"没有编号为 {rosterId} 的花名册");
            job = jobs.Start(roster, Query.Date("asOf", asOf), allowStatutoryOnly, Actor);
        }))
        {
            return Redirect($"/hr/screenings/{job!.Id}");
        }

        Load();
        return Page();
    }

    private void Load() => Rosters = [.. rosters.All().Reverse()];
}
