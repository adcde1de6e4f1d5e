using EnterpriseEval.Service.Problems;
using EnterpriseEval.Service.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EnterpriseEval.Service.Web;

/// <summary>A Chinese error shown on a page: what failed, why, and where in an uploaded file when known.</summary>
internal sealed record PageError(string Title, string Detail, string? Where);

/// <summary>The keys under which a page passes its messages to <c>_Messages.cshtml</c>.</summary>
internal static class PageMessages
{
    public const string ErrorKey = "eeval:error";
    public const string DoneKey = "eeval:done";

    /// <summary>
    /// The error a page shows for what a step threw: the problems of the API (<see cref="ApiProblem"/>), a roster's
    /// file, row and column, a refusal of the workflow; null for a bug (the exception handler answers those).
    /// </summary>
    public static PageError? Of(Exception e)
    {
        var problem = ProblemExceptionHandler.Translate(e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerExceptions[0] : e);
        if (problem is null)
        {
            return null;
        }

        string? where = null;
        if (problem.Extensions.TryGetValue("roster", out var value) && value is RosterLocation location)
        {
            where = Where(location.File, location.Row, location.Column);
        }

        return new PageError(problem.Title, problem.Detail, where);
    }

    /// <summary>“文件 employees.csv，第 3 行，列 hire_date” from what is known.</summary>
    public static string? Where(string? file, int? row, string? column)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(file))
        {
            parts.Add($"文件 {file}");
        }

        if (row is { } r and > 0)
        {
            parts.Add($"第 {r} 行");
        }

        if (!string.IsNullOrEmpty(column))
        {
            parts.Add($"列 {column}");
        }

        return parts.Count == 0 ? null : string.Join("，", parts);
    }
}

/// <summary>
/// What every page model of the web app shares: the signed-in account as the acting operator, and showing a step's
/// Chinese error or success on the page.
/// </summary>
internal abstract class AppPageModel : PageModel
{
    /// <summary>
    /// The signed-in account, as the API's endpoints see it (the operator of every write), except that what it is shown
    /// has every 身份证号 masked: no page needs one whole, HR's included (docs/service.md, "Pages").
    /// </summary>
    protected Actor Actor => Actor.Of(User) with { MasksIdNumbers = true };

    /// <summary>Shows <paramref name="error"/> on this response.</summary>
    protected void ShowError(PageError error) => ViewData[PageMessages.ErrorKey] = error;

    /// <summary>Shows a Chinese error on this response.</summary>
    protected void ShowError(string detail, string title = "操作未完成") => ShowError(new PageError(title, detail, null));

    /// <summary>Shows a success message after the redirect that follows a POST.</summary>
    protected void Done(string message) => TempData[PageMessages.DoneKey] = message;

    /// <summary>Runs a step, showing its Chinese error on the page instead of failing; true when it succeeded.</summary>
    protected bool Try(Action step)
    {
        try
        {
            step();
            return true;
        }
        catch (Exception e) when (PageMessages.Of(e) is { } error)
        {
            ShowError(error);
            return false;
        }
    }

    /// <summary>Runs an asynchronous step, showing its Chinese error on the page instead of failing.</summary>
    protected async Task<bool> TryAsync(Func<Task> step)
    {
        try
        {
            await step().ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (PageMessages.Of(e) is { } error)
        {
            ShowError(error);
            return false;
        }
    }
}
