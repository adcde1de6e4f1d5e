using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace EnterpriseEval.Service.Pages;

/// <summary>
/// The sign-in page (docs/service.md, "Pages"): an HTML form with anti-forgery, checked by the same account store,
/// password hasher and lock-out as <c>POST /api/v1/auth/sign-in</c>; on success the sign-in cookie and the role's home
/// page (or the local page that sent the user here). With single sign-on configured it offers the firm's identity
/// provider (<see cref="SingleSignOn.StartPath"/>), shows why the provider's sign-in was refused, and keeps the
/// password form only when <see cref="SingleSignOnOptions.LocalSignIn"/> allows it.
/// </summary>
[AllowAnonymous]
internal sealed class SignInModel(Accounts accounts, SingleSignOnOptions sso) : AppPageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Set when a signed-in account was sent here because its role may not open the page it asked for.</summary>
    public string? SignedInAs { get; private set; }

    public string Home { get; private set; } = "/";

    /// <summary>Whether the firm's identity provider signs people in (a link to it is shown).</summary>
    public bool SingleSignOnEnabled => sso.Enabled;

    /// <summary>Whether local accounts may sign in with a password (the form is shown).</summary>
    public bool PasswordsAllowed => sso.PasswordsAllowed;

    /// <summary>Where single sign-on starts, coming back to the page asked for.</summary>
    public string SingleSignOnUrl =>
        SingleSignOn.StartPath + (string.IsNullOrEmpty(ReturnUrl) ? "" : "?returnUrl=" + Uri.EscapeDataString(ReturnUrl));

    public IActionResult OnGet(string? error)
    {
        if (!string.IsNullOrWhiteSpace(error))
        {
            // The reason the single sign-on was refused, protected by SingleSignOn: a link with any other text gets the
            // general sentence, never its own wording on this page.
            ShowError(SingleSignOn.RefusalReason(HttpContext.RequestServices, error) ?? "企业统一身份认证未完成，请重试或联系管理员", "统一身份认证未能登录");
        }

        if (User.Identity?.IsAuthenticated == true)
        {
            var role = Actor.Role;
            if (string.IsNullOrEmpty(ReturnUrl))
            {
                return LocalRedirect(SiteNav.HomeOf(role));
            }

            SignedInAs = $"{Actor.UserName}，{Roles.Chinese(role)}";
            Home = SiteNav.HomeOf(role);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!sso.PasswordsAllowed)
        {
            ShowError("本服务使用企业统一身份认证登录，账户密码登录已关闭", "无法登录");
            return Page();
        }

        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            ShowError("请填写用户名和密码", "无法登录");
            return Page();
        }

        var result = accounts.SignIn(UserName, Password);
        if (result.Locked)
        {
            ShowError($"连续登录失败次数过多，账户已锁定至 {result.LockedUntil!.Value.ToLocalTime():yyyy-MM-dd HH:mm}，请稍后再试或联系管理员", "账户已锁定");
            return Page();
        }

        if (result.Account is not { } account)
        {
            ShowError("用户名或密码不正确", "无法登录");
            return Page();
        }

        await HttpContext.SignInAsync(ServiceApp.CookieScheme, Accounts.Principal(account, ServiceApp.CookieScheme, "cookie")).ConfigureAwait(false);
        return LocalRedirect(!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) && !IsSignIn(ReturnUrl) ? ReturnUrl : SiteNav.HomeOf(account.Role));
    }

    private static bool IsSignIn(string url) => url.StartsWith(ServiceApp.SignInPath, StringComparison.OrdinalIgnoreCase);
}
