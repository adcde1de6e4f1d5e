using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace EnterpriseEval.Service.Pages;

/// <summary><c>/</c>: the signed-in role's home page (anonymous visitors are sent to sign in first).</summary>
[Authorize(Policy = Policies.AnyRole)]
internal sealed class IndexModel : AppPageModel
{
    public IActionResult OnGet() => LocalRedirect(SiteNav.HomeOf(Actor.Role));
}
