using System.Net;
using EnterpriseEval.Service.Problems;

namespace EnterpriseEval.Service.Web;

/// <summary>
/// Errors a person meets in the web app (docs/service.md, "Pages"): a page request that fails (an expired form, a bug,
/// a page that does not exist) answers a small Chinese HTML page with the site's style sheet instead of the API's JSON
/// problem; the API, the OpenAPI document and the reference page keep their problems.
/// </summary>
internal static class HtmlErrors
{
    /// <summary>Whether a failed request should be answered with a page rather than a problem.</summary>
    public static bool ForPerson(HttpContext context)
    {
        var path = context.Request.Path;
        return !ServiceApp.IsMachinePath(path)
            && !path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments(SiteNav.Assets, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Writes the error page of <paramref name="status"/>.</summary>
    public static Task WriteAsync(HttpContext context, int status, string? detail = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        var title = status switch
        {
            400 => "请求有误",
            403 => "无权访问",
            404 => "页面不存在",
            405 => "不支持该请求方法",
            413 => "上传内容过大",
            _ => ProblemTitles.Of(status),
        };
        detail ??= status switch
        {
            404 => "没有这个页面：请从导航中选择。",
            403 => "当前账户的角色无权打开这个页面。",
            _ => ProblemTitles.DetailOf(status),
        };
        var html = $"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><title>{Encode(title)} · 职称与技能等级贯通评审</title><link rel="stylesheet" href="{SiteNav.Assets}/css/site.css"></head>
            <body>
            <header class="site-header"><a class="brand" href="/">职称与技能等级贯通评审</a></header>
            <main class="site-main">
            <h1>{Encode(title)}</h1>
            <div class="message error" role="alert"><p>{Encode(detail)}</p></div>
            <p><a href="/">返回首页</a></p>
            </main>
            </body>
            </html>
            """;
        return context.Response.WriteAsync(html);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
