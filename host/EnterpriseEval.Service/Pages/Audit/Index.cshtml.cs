using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Web;
using Microsoft.AspNetCore.Authorization;

namespace EnterpriseEval.Service.Pages.Audit;

/// <summary>Placeholder of the auditor's home page (sign-in lands here); the auditor's pages replace it.</summary>
[Authorize(Policy = Policies.HrAuditor)]
internal sealed class AuditHomeModel : AppPageModel
{
    public void OnGet()
    {
    }
}
