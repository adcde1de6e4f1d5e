using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Service.Screening;
using ScreeningDashboard = EnterpriseEval.Service.Screening.Dashboard;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace EnterpriseEval.Service.Pages.Hr;

/// <summary>
/// A screening job: while it runs, its progress (updated by <c>wwwroot/js/screening.js</c> from the status API) and a
/// cancel button; once completed, the dashboard — counts, downloads and the charts drawn as SVG on the server.
/// </summary>
[Authorize(Policy = Policies.Hr)]
internal sealed class ScreeningModel(ScreeningJobs jobs) : AppPageModel
{
    private static readonly string[] LevelColours =
        ["#1f4e79", "#2e86c1", "#48c9b0", "#27ae60", "#a9cce3", "#7d3c98", "#c39bd3", "#d4ac0d", "#e67e22", "#c0392b", "#7f8c8d", "#34495e", "#16a085"];

    public ScreeningJobRun? Job { get; private set; }

    public ScreeningDashboard? Dashboard { get; private set; }

    public IActionResult OnGet(string id)
    {
        Job = jobs.Find(id);
        if (Job is null)
        {
            return NotFound();
        }

        if (Job.Results is { } results)
        {
            Dashboard = ScreeningDashboard.Of(results);
        }

        return Page();
    }

    public IActionResult OnPostCancel(string id)
    {
        var job = jobs.Find(id);
        if (job is null)
        {
            return NotFound();
        }

        if (jobs.Cancel(job, Actor))
        {
            Done($"已取消筛查任务 {id}。");
        }
        else
        {
            TempData[PageMessages.ErrorKey] = $"筛查任务 {id} 已结束（{Format.State(job.State)}），无法取消。";
        }

        return Redirect($"/hr/screenings/{id}");
    }

    public static string OutcomeColour(Outcome outcome) => outcome switch
    {
        Outcome.Eligible => "#2f7d32",
        Outcome.NeedsReview => "#d68910",
        Outcome.NotEligible => "#b3261e",
        _ => "#9aa5b1",
    };

    public static string LevelColour(int index) => LevelColours[index % LevelColours.Length];
}
