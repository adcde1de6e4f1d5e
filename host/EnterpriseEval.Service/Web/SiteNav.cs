using EnterpriseEval.Service.Security;

namespace EnterpriseEval.Service.Web;

/// <summary>A link of the navigation: where it goes and what it says.</summary>
internal sealed record NavLink(string Href, string Text);

/// <summary>
/// The navigation of the web app (docs/service.md, "Pages"), the one place that lists each role's links and home page.
/// <c>Pages/Shared/_Nav.cshtml</c> renders the links of the signed-in role; sign-in sends each role to its home page.
/// A page added for a role gets its link here (and names the role's policy itself: the role-matrix test checks it).
/// </summary>
internal static class SiteNav
{
    /// <summary>Where the web app's static files are served from (the library's wwwroot).</summary>
    public const string Assets = "/_content/EnterpriseEval.Service";

    /// <summary>Each role's links, its home page first.</summary>
    public static readonly IReadOnlyDictionary<string, NavLink[]> Links = new Dictionary<string, NavLink[]>(StringComparer.Ordinal)
    {
        [Roles.Hr] =
        [
            new("/hr", "筛查任务"),
            new("/hr/rosters", "花名册"),
            new("/hr/batches", "评审批次"),
        ],

        [Roles.Committee] =
        [
            new("/committee", "我的评审批次"),
        ],

        [Roles.Employee] =
        [
            new("/me", "我的筛查结果"),
            new("/me/publicity", "评审结果公示"),
        ],

        [Roles.Auditor] =
        [
            new("/audit", "评审批次"),
            new("/audit/chain", "审计链与校验"),
        ],

        [Roles.Admin] =
        [
            new("/admin", "账户"),
            new("/admin/tokens", "API 令牌"),
            new("/admin/plugins", "插件"),
        ],
    };

    /// <summary>The page a role lands on after signing in.</summary>
    public static string HomeOf(string? role) =>
        role is not null && Links.TryGetValue(role, out var links) && links.Length > 0 ? links[0].Href : "/signin";

    /// <summary>Whether <paramref name="link"/> is the page at <paramref name="path"/> or one under it (the home page only itself).</summary>
    public static bool IsCurrent(NavLink link, string path, bool home) =>
        string.Equals(path.TrimEnd('/'), link.Href, StringComparison.OrdinalIgnoreCase)
        || (!home && path.StartsWith(link.Href + "/", StringComparison.OrdinalIgnoreCase));
}
