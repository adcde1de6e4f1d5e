using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Web;
using EnterpriseEval.Workflow.Review.Store;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace EnterpriseEval.Service.Pages.Admin;

/// <summary>
/// The admin's accounts (as <c>/api/v1/accounts</c>, through <see cref="Accounts"/>): list, create, change role (and
/// 工号), password, disabled; every change audited under the admin.
/// </summary>
[Authorize(Policy = Policies.Admin)]
internal sealed class AdminHomeModel(Accounts accounts, TimeProvider time) : AppPageModel
{
    public IReadOnlyList<StoredAccount> AccountList { get; private set; } = [];

    public DateTimeOffset Now => time.GetUtcNow();

    public void OnGet() => Load();

    public IActionResult OnPostCreate(string? userName, string? displayName, string? role, string? employeeId, string? password)
    {
        StoredAccount? created = null;
        if (Try(() => created = accounts.Create(userName ?? "", displayName ?? "", role ?? "", employeeId, password ?? "", Actor.UserName)))
        {
            Done($"已建立账户“{created!.UserName}”（{Roles.Chinese(created.Role)}）。");
            return Redirect("/admin");
        }

        Load();
        return Page();
    }

    public IActionResult OnPostUpdate(long id, string? role, string? employeeId, string? password, bool disabled)
    {
        StoredAccount? changed = null;
        if (Try(() => changed = accounts.Update(id, null, role, employeeId, string.IsNullOrEmpty(password) ? null : password, disabled, Actor.UserName)))
        {
            Done($"已保存账户“{changed!.UserName}”。");
            return Redirect("/admin");
        }

        Load();
        return Page();
    }

    private void Load()
    {
        using var store = accounts.Open();
        AccountList = store.Accounts();
    }
}
