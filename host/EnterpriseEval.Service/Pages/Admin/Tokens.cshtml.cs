using EnterpriseEval.Service.Endpoints;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Web;
using EnterpriseEval.Workflow.Review.Store;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace EnterpriseEval.Service.Pages.Admin;

/// <summary>
/// API tokens (as <c>/api/v1/tokens</c>, through <see cref="Accounts"/>): the list (never the token), issuing one —
/// shown once, on the answer to the form and nowhere else — and revoking.
/// </summary>
[Authorize(Policy = Policies.Admin)]
internal sealed class TokensModel(Accounts accounts) : AppPageModel
{
    public IReadOnlyList<StoredAccount> AccountList { get; private set; } = [];

    public IReadOnlyList<TokenItem> Tokens { get; private set; } = [];

    /// <summary>The token just issued: shown on this answer only.</summary>
    public IssuedToken? Issued { get; private set; }

    public void OnGet() => Load();

    public IActionResult OnPostIssue(string? userName, string? name)
    {
        Try(() =>
        {
            var (token, secret) = accounts.IssueToken(userName ?? "", name ?? "", Actor.UserName);
            Issued = new IssuedToken(token.Id, userName!.Trim(), token.Name, secret);
        });

        // Never cached: the page carries the token itself.
        Response.Headers.CacheControl = "no-store";
        Load();
        return Page();
    }

    public IActionResult OnPostRevoke(long id)
    {
        if (accounts.RevokeToken(id, Actor.UserName))
        {
            Done($"已吊销令牌 #{id}。");
        }
        else
        {
            TempData[PageMessages.ErrorKey] = $"没有编号为 {id} 的有效 API 令牌。";
        }

        return Redirect("/admin/tokens");
    }

    private void Load()
    {
        using var store = accounts.Open();
        AccountList = store.Accounts();
        var names = AccountList.ToDictionary(a => a.Id, a => a.UserName);
        Tokens = [.. store.Tokens().Select(t => new TokenItem(t.Id, names.GetValueOrDefault(t.AccountId, ""), t.Name, t.CreatedAt, t.CreatedBy, t.RevokedAt))];
    }
}
