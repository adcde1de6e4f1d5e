using EnterpriseEval.Engine;
using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Engine.Roster;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace EnterpriseEval.Service.Problems;

/// <summary>
/// Turns what a request threw into a problem (docs/service.md, "Errors"): <see cref="ApiProblem"/> as it is; a roster
/// problem as 422 with its file, row and column; a refusal of the workflow (<see cref="UserFacingException"/>) as 400
/// with its Chinese sentence; anything else as a generic Chinese 500 whose details go only to the log.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Translate(Unwrap(exception));
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = new ApiProblem(StatusCodes.Status500InternalServerError, ProblemTitles.Of(500), ProblemTitles.DetailOf(500));
        }

        if (Web.HtmlErrors.ForPerson(httpContext) && !httpContext.Response.HasStarted)
        {
            // A person in the web app reads a Chinese page, not JSON (docs/service.md, "Pages").
            var detail = Unwrap(exception) is AntiforgeryValidationException
                ? "表单已过期或缺少防伪令牌：请返回上一页，刷新后重新提交。"
                : problem.Detail;
            await Web.HtmlErrors.WriteAsync(httpContext, problem.Status, detail).ConfigureAwait(false);
            return true;
        }

        httpContext.Response.StatusCode = problem.Status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem.ToProblemDetails(),
            Exception = exception,
        }).ConfigureAwait(false);
    }

    /// <summary>The problem a known exception stands for; null for a bug.</summary>
    public static ApiProblem? Translate(Exception e) => e switch
    {
        ApiProblem p => p,
        RosterException r => ApiProblem.Roster(r.Message, r.File, r.Row, r.Column),
        PluginLoadException p => new ApiProblem(StatusCodes.Status400BadRequest, "插件未能加载", p.Message),
        UserFacingException u => ApiProblem.BadRequest(u.Message),
        AntiforgeryValidationException => ApiProblem.BadRequest("缺少或无效的防伪令牌：以登录 Cookie 调用写操作时，须在 X-XSRF-TOKEN 头中附上 /api/v1/auth/antiforgery 取得的令牌"),
        BadHttpRequestException b => new ApiProblem(b.StatusCode, ProblemTitles.Of(b.StatusCode), b.StatusCode == 413 ? "请求内容超过上限" : "请求格式有误，无法读取"),
        InvalidDataException bad => ApiProblem.BadRequest($"输入文件已损坏或格式不对：{bad.Message}"),
        _ => null,
    };

    private static Exception Unwrap(Exception e) => e switch
    {
        AggregateException { InnerExceptions.Count: 1 } a => Unwrap(a.InnerExceptions[0]),
        InvalidOperationException { InnerException: UserFacingException u } => u,
        _ => e,
    };
}
