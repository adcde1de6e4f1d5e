using EnterpriseEval.Engine.Notices;
using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Service.Screening;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace EnterpriseEval.Service.Pages.Hr;

/// <summary>
/// A person in a completed screening: every decision with every finding and its policy clause (the API's employee
/// resource), the 身份证号 masked; and the notices of a chosen kind, previewed in a sandboxed frame (the notice itself is
/// served by <see cref="NoticeModel"/> under its own Content-Security-Policy) and downloaded.
/// </summary>
[Authorize(Policy = Policies.Hr)]
internal sealed class PersonModel(ScreeningJobs jobs, NoticeRendering notices) : AppPageModel
{
    public string Id { get; private set; } = "";

    public string EmployeeId { get; private set; } = "";

    public string? Kind { get; private set; }

    public EmployeeScreening? Screening { get; private set; }

    public DateOnly AsOf { get; private set; }

    public IReadOnlyList<DocumentKind> Kinds => NoticeModels.RosterKinds;

    /// <summary>The Chinese name of the notice previewed, when this person has one of the kind asked for.</summary>
    public string? Notice { get; private set; }

    /// <summary>Why there is no notice of the kind asked for.</summary>
    public string? NoticeMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string employeeId, string? kind, CancellationToken ct)
    {
        (Id, EmployeeId, Kind) = (id, employeeId, kind);
        var job = jobs.Find(Id);
        if (job is null)
        {
            return NotFound();
        }

        if (job.Results is not { } results)
        {
            return Redirect($"/hr/screenings/{Id}");
        }

        if (results.Index.Employee(EmployeeId) is not { } found)
        {
            return NotFound();
        }

        AsOf = results.Screened.Result.AsOf;
        Screening = DecisionViews.Screening(found.Record, found.Decisions, Actor);
        if (!string.IsNullOrWhiteSpace(Kind))
        {
            await TryAsync(async () =>
            {
                var kind = NoticeRendering.ParseKind(Kind);
                var (_, index) = await notices.RenderAsync(results, kind, DocumentFormat.Html, null, ct).ConfigureAwait(false);
                var row = index.FirstOrDefault(r => r.EmployeeId == EmployeeId);
                if (row is null)
                {
                    NoticeMessage = $"{kind.ToChinese()}：此人没有这一种类的文书（不符合条件，或不在花名册中）。";
                }
                else if (row.File.Length == 0)
                {
                    NoticeMessage = $"{kind.ToChinese()}暂缓出具：{row.Reason}";
                }
                else
                {
                    Notice = kind.ToChinese();
                }
            }).ConfigureAwait(false);
        }

        return Page();
    }

    /// <summary>The address of the notice previewed (or downloaded).</summary>
    public string NoticeUrl(bool download, bool markdown = false) =>
        $"/hr/screenings/{Uri.EscapeDataString(Id)}/employees/{Uri.EscapeDataString(EmployeeId)}/notice?kind={Uri.EscapeDataString(Kind ?? "")}"
        + (markdown ? "&format=md" : "") + (download ? "&download=true" : "");

    /// <summary>What a finding means, in Chinese.</summary>
    public static string KindName(string kind) => kind switch
    {
        "Met" => "满足",
        "Failed" => "不满足",
        "NeedsReview" => "需复核",
        "Flag" => "标注",
        "Info" => "说明",
        _ => kind,
    };
}
