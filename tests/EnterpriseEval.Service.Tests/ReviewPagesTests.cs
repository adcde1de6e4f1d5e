using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Tests.Support;
using static EnterpriseEval.Service.Tests.Support.ReviewFlow;

namespace EnterpriseEval.Service.Tests;

/// <summary>
/// The review pages of the committee, the employee, the auditor and HR's ballot and objection pages (docs/service.md,
/// "Pages"), through their forms with anti-forgery as a browser submits them, on the test server.
/// </summary>
public sealed partial class ReviewPagesTests
{
    private static string Page(string suffix = "") => $"/{suffix}".Replace("{b}", Uri.EscapeDataString(Batch), StringComparison.Ordinal);

    [Fact]
    public async Task Committee_members_vote_on_the_ballot_page_which_shows_only_that_they_voted_and_hr_closes_it()
    {
        await using var service = await StartAsync();
        await ScoredAsync(service);
        AddCommittee(service, "c2", "c3");
        var hr = await PageSession.SignInAsync(service, Roles.Hr);
        var ballotPage = Page("hr/batches/{b}/ballot");

        var openForm = await hr.PageAsync(ballotPage);
        Assert.Contains("开启无记名投票", openForm);
        var opened = await hr.SubmitFormAsync(ballotPage, ballotPage + "?handler=Open",
            [new("members", Roles.Committee), new("members", "c2"), new("date", "2026-12-29")]);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Contains("投票进行中", await hr.PageAsync(ballotPage));

        var member = await PageSession.SignInAsync(service, Roles.Committee);
        var home = await member.PageAsync("/committee");
        Assert.Contains(Batch, home);
        var dossiers = await member.PageAsync(Page("committee/batches/{b}"));
        Assert.Contains("（人社部发〔2020〕96号", dossiers);
        Assert.Contains("业绩评分插件", dossiers);

        var memberBallot = Page("committee/batches/{b}/ballot");
        var page = await member.PageAsync(memberBallot);
        var candidates = Candidates(page);
        Assert.True(candidates.Count >= 2);
        var first = candidates[0];
        var cast = await member.SubmitFormAsync(memberBallot, memberBallot + "?handler=Cast",
            [new("employeeId", first.EmployeeId), new("path", first.Path), new("targetLevel", first.TargetLevel), new("choice", "against")]);
        Assert.Equal(HttpStatusCode.Redirect, cast.StatusCode);
        var after = await member.PageAsync(memberBallot);
        Assert.Contains($"已投票：{first.EmployeeId}", after);
        Assert.DoesNotContain("反对</span>", after);
        Assert.DoesNotContain("checked", after);
        Assert.Equal(candidates.Count - 1, Candidates(after).Count);
        Assert.Contains("已投 1 / ", after);

        // A second ballot on the same candidate (a stale form) is refused in Chinese.
        var twice = await member.SubmitFormAsync(memberBallot, memberBallot + "?handler=Cast",
            [new("employeeId", first.EmployeeId), new("path", first.Path), new("targetLevel", first.TargetLevel), new("choice", "for")]);
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains("只能投一次", await twice.Content.ReadAsStringAsync());

        // The other member's page is untouched by the first member's ballot; a 评委 not on this committee gets nothing.
        var second = await PageSession.SignInAsync(service, "c2");
        Assert.Equal(candidates.Count, Candidates(await second.PageAsync(memberBallot)).Count);
        var outsider = await PageSession.SignInAsync(service, "c3");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(memberBallot)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(Page("committee/batches/{b}"))).StatusCode);
        Assert.DoesNotContain(Batch, await outsider.PageAsync("/committee"));

        foreach (var c in candidates)
        {
            await second.SubmitFormAsync(memberBallot, memberBallot + "?handler=Cast",
                [new("employeeId", c.EmployeeId), new("path", c.Path), new("targetLevel", c.TargetLevel), new("choice", "for")]);
        }

        // HR sees turnout, never a choice; closing tallies into the batch's votes.
        var turnout = await hr.PageAsync(ballotPage);
        Assert.Contains($"1 / {candidates.Count}", turnout);
        Assert.Contains($"{candidates.Count} / {candidates.Count}", turnout);
        var closed = await hr.SubmitFormAsync(ballotPage, ballotPage + "?handler=Close", [new("date", "2026-12-30")]);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var tally = await hr.PageAsync(ballotPage);
        Assert.Contains("投票已结束", tally);
        Assert.Contains("计票结果", tally);
        Assert.DoesNotContain("<form method=\"post\"", Regex.Match(await member.PageAsync(memberBallot), "<table class=\"data\" id=\"ballot\">.*</table>", RegexOptions.Singleline).Value);
    }

    [Fact]
    public async Task An_employee_objects_on_the_publicity_page_hr_resolves_it_and_the_auditor_verifies_and_exports()
    {
        await using var service = await StartAsync();
        await ScoredAsync(service);
        var sheet = new ByteArrayContent(File.ReadAllBytes(RepoPaths.Sample("review/votes.csv")));
        sheet.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        await service.ReadAsync<JsonElement>(await service.SendAsync(HttpMethod.Post, $"{Url}/votes?date=2026-12-01", Roles.Hr, new MultipartFormDataContent { { sheet, "file", "votes.csv" } }));
        var today = DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await service.ReadAsync<JsonElement>(await service.PostJsonAsync($"{Url}/publicity", Roles.Hr, new { start = today }));

        var employee = await PageSession.SignInAsync(service, Roles.Employee);
        Assert.Contains(Batch, await employee.PageAsync("/me/publicity"));
        var publicityPage = Page("me/publicity/{b}");
        var list = await employee.PageAsync(publicityPage);
        Assert.Contains("GP0002", list);
        Assert.Contains("提交异议", list);
        var lodged = await employee.SubmitFormAsync(publicityPage, publicityPage + "?handler=Object", [new("candidate", TestService.EmployeeId), new("reason", "本人对公示的层级有异议")]);
        Assert.Equal(HttpStatusCode.Redirect, lodged.StatusCode);
        var mine = await employee.PageAsync(publicityPage);
        Assert.Contains("已登记异议 #1", mine);
        Assert.Contains("待处理", mine);

        var hr = await PageSession.SignInAsync(service, Roles.Hr);
        var objections = Page("hr/batches/{b}/objections");
        Assert.Contains("待处理", await hr.PageAsync(objections));
        var later = DateOnly.FromDateTime(DateTime.Now).AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var refused = await service.ReadAsync<JsonElement>(await service.PostJsonAsync($"{Url}/issue", Roles.Hr, new { date = later }), HttpStatusCode.BadRequest);
        Assert.Contains("异议 #1", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var resolved = await hr.SubmitFormAsync(objections, objections + "?handler=Resolve",
            [new("id", "1"), new("outcome", "dismissed"), new("reason", "经核实层级无误"), new("date", today)]);
        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        Assert.Contains("异议不成立", await hr.PageAsync(objections));
        Assert.Contains("经核实层级无误", await employee.PageAsync(publicityPage));

        var auditor = await PageSession.SignInAsync(service, Roles.Auditor);
        Assert.Contains(Batch, await auditor.PageAsync("/audit"));
        var record = await auditor.PageAsync(Page("audit/batches/{b}"));
        Assert.Contains("异议不成立", record);
        Assert.Contains("处理异议", record);
        var verified = await auditor.SubmitFormAsync("/audit/chain", "/audit/chain?handler=Verify", []);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Contains("校验通过", await verified.Content.ReadAsStringAsync());
        var export = await auditor.GetAsync(Page("audit/batches/{b}?handler=Export"));
        Assert.Equal("application/zip", export.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await export.Content.ReadAsStreamAsync());
        Assert.Contains(zip.Entries, e => e.FullName == "objections.csv");
    }

    [Fact]
    public async Task An_employee_sees_their_own_screening_result_with_reasons_and_clauses()
    {
        await using var service = await TestService.StartAsync();
        await service.ScreenAsync(await service.UploadRosterAsync(RepoPaths.Sample("rosters/ganpower")));
        var employee = await PageSession.SignInAsync(service, Roles.Employee);

        var page = await employee.PageAsync("/me");

        Assert.Contains(TestService.EmployeeId, page);
        Assert.Contains("（人社部发〔2020〕96号", page);
        Assert.DoesNotContain("GP0002", page);
        var idNumbers = File.ReadLines(RepoPaths.Sample("rosters/ganpower/employees.csv")).Skip(1).Select(l => l.Split(',')[2]).Where(n => n.Length == 18).ToList();
        Assert.DoesNotContain(idNumbers, page.Contains);
    }

    /// <summary>The candidates a ballot page still offers a form for (employee, path, level).</summary>
    private static List<(string EmployeeId, string Path, string TargetLevel)> Candidates(string html) =>
        [.. CastForm().Matches(html).Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value))];

    [GeneratedRegex("name=\"employeeId\" value=\"([^\"]+)\">\\s*<input type=\"hidden\" name=\"path\" value=\"([^\"]+)\">\\s*<input type=\"hidden\" name=\"targetLevel\" value=\"([^\"]+)\">")]
    private static partial Regex CastForm();
}
