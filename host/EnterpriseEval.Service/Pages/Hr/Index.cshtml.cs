using EnterpriseEval.Service.Screening;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Web;
using Microsoft.AspNetCore.Authorization;

namespace EnterpriseEval.Service.Pages.Hr;

/// <summary>The HR officer's home page: the screening jobs, newest first, each leading to its progress or dashboard.</summary>
[Authorize(Policy = Policies.Hr)]
internal sealed class HrHomeModel(ScreeningJobs jobs) : AppPageModel
{
    public IReadOnlyList<ScreeningJobRun> Jobs { get; private set; } = [];

    public void OnGet() => Jobs = [.. jobs.All.Reverse()];
}
