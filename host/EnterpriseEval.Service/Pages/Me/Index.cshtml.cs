using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Web;
using Microsoft.AspNetCore.Authorization;

namespace EnterpriseEval.Service.Pages.Me;

/// <summary>Placeholder of the employee's home page (sign-in lands here); the employee's own pages replace it.</summary>
[Authorize(Policy = Policies.Employee)]
internal sealed class MeHomeModel : AppPageModel
{
    public void OnGet()
    {
    }
}
