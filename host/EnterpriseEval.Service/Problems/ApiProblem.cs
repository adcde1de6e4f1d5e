using Microsoft.AspNetCore.Mvc;

namespace EnterpriseEval.Service.Problems;

/// <summary>
/// An RFC 7807 problem with a Chinese title and detail (docs/service.md, "Errors"), thrown anywhere in a request and
/// written by <see cref="ProblemExceptionHandler"/>; <see cref="Extensions"/> carry what a client acts on (the roster
/// file, row and column).
/// </summary>
internal sealed class ApiProblem(int status, string title, string detail, IReadOnlyDictionary<string, object?>? extensions = null) : Exception(detail)
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    public string Detail { get; } = detail;

    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();

    public static ApiProblem BadRequest(string detail, IReadOnlyDictionary<string, object?>? extensions = null) =>
        new(StatusCodes.Status400BadRequest, "请求有误", detail, extensions);

    public static ApiProblem NotFound(string detail) => new(StatusCodes.Status404NotFound, "未找到", detail);

    public static ApiProblem Conflict(string detail) => new(StatusCodes.Status409Conflict, "与当前状态冲突", detail);

    public static ApiProblem TooLarge(string detail) => new(StatusCodes.Status413PayloadTooLarge, "上传内容过大", detail);

    public static ApiProblem UnsupportedType(string detail) => new(StatusCodes.Status415UnsupportedMediaType, "不支持的内容类型", detail);

    public static ApiProblem Roster(string detail, string? file = null, int? row = null, string? column = null) =>
        new(StatusCodes.Status422UnprocessableEntity, "花名册有误", detail, new Dictionary<string, object?>
        {
            ["roster"] = new RosterLocation(file, row, column),
        });

    public ProblemDetails ToProblemDetails()
    {
        var problem = new ProblemDetails { Status = Status, Title = Title, Detail = Detail };
        foreach (var (key, value) in Extensions)
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }
}

/// <summary>Where in an uploaded roster a problem is: the file, the row (1 = header) and the column, each where known.</summary>
internal sealed record RosterLocation(string? File, int? Row, string? Column);

/// <summary>The Chinese titles of the status codes a client may meet (docs/service.md, "Errors").</summary>
internal static class ProblemTitles
{
    public static string Of(int status) => status switch
    {
        400 => "请求有误",
        401 => "未登录或凭据无效",
        403 => "无权执行此操作",
        404 => "未找到",
        405 => "不支持该请求方法",
        409 => "与当前状态冲突",
        413 => "上传内容过大",
        415 => "不支持的内容类型",
        422 => "花名册有误",
        423 => "账户已锁定",
        429 => "请求过于频繁",
        500 => "服务器内部错误",
        503 => "服务暂不可用",
        _ => "请求未能完成",
    };

    public static string DetailOf(int status) => status switch
    {
        401 => "请先登录，或在 Authorization 头中提供有效的 API 令牌（Bearer）",
        403 => "当前账户的角色无权访问此资源",
        404 => "请求的资源不存在",
        405 => "此地址不支持该请求方法",
        500 => "服务器处理请求时出错，详情已记入服务日志，请联系系统管理员",
        _ => ProblemTitles.Of(status),
    };
}
