using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace EnterpriseEval.Service.Pages;

/// <summary>Sign-out (a form POST with anti-forgery; the GET only asks): ends the cookie session and shows sign-in.</summary>
[Authorize(Policy = Policies.AnyRole)]
internal sealed class SignOutModel : AppPageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(ServiceApp.CookieScheme).ConfigureAwait(false);
        return LocalRedirect(ServiceApp.SignInPath);
    }
}
