using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Tests.Support;

namespace EnterpriseEval.Service.Tests;

/// <summary>
/// A review batch through the API (docs/service.md, "Review batches"), the walkthrough of samples/review/README.md:
/// every step by the Workflow code of its <c>eeval review</c> command, every write in the audit chain under the acting
/// account, and <c>verify</c> passing afterwards.
/// </summary>
public sealed class ReviewApiTests
{
    private const string Batch = "2026-工程";

    [Fact]
    public async Task A_batch_from_creation_to_issued_notices_records_each_acting_account_and_verifies()
    {
        await using var service = await TestService.StartAsync(RepoPaths.Plugins("ganpower-supply"), authorisation: true);
        var url = $"/api/v1/batches/{Uri.EscapeDataString(Batch)}";
        var rosterId = await service.UploadRosterAsync(RepoPaths.Sample("rosters/ganpower"));

        await service.ReadAsync<JsonElement>(
            await service.PostJsonAsync("/api/v1/batches", Roles.Hr, new { name = Batch, year = 2026, series = "工程", levels = "助理级,中级" }), HttpStatusCode.Created);
        var screened = await service.ReadAsync<JsonElement>(await service.PostJsonAsync($"{url}/screen", Roles.Hr, new { rosterId }));
        Assert.Equal(32, screened.GetProperty("total").GetInt32());
        Assert.Equal(34, screened.GetProperty("decisions").GetInt32());
        var scores = await service.ReadAsync<JsonElement>(await service.PostJsonAsync($"{url}/score", Roles.Hr, new { }));
        Assert.Equal(8, scores.GetArrayLength());

        var votes = new MultipartFormDataContent();
        var sheet = new ByteArrayContent(File.ReadAllBytes(RepoPaths.Sample("review/votes.csv")));
        sheet.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        votes.Add(sheet, "file", "votes.csv");
        var voted = await service.ReadAsync<JsonElement>(await service.SendAsync(HttpMethod.Post, $"{url}/votes?date=2026-12-30", Roles.Hr, votes));
        Assert.NotEqual(0, voted.GetProperty("votes").GetArrayLength());

        var publicity = await service.ReadAsync<JsonElement>(await service.PostJsonAsync($"{url}/publicity", Roles.Hr, new { }));
        Assert.Contains(publicity.GetProperty("files").EnumerateArray(), f => f.GetString()!.EndsWith(".html", StringComparison.Ordinal));
        var list = await service.ReadAsync<JsonElement>(await service.GetAsync($"{url}/publicity", Roles.Employee));
        Assert.Contains(list.GetProperty("candidates").EnumerateArray(), c => c.GetProperty("employeeId").GetString() == TestService.EmployeeId);

        // The employee objects to their own listing; naming someone who is not on the publicity list is refused
        // (a listed colleague may be objected to: ObjectionApiTests).
        var other = await service.PostJsonAsync($"{url}/objections", Roles.Employee, new { employeeId = "GP9999", reason = "x", date = "2027-01-05" });
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        var objection = await service.ReadAsync<JsonElement>(
            await service.PostJsonAsync($"{url}/objections", Roles.Employee, new { reason = "反映其专利署名存在争议", date = "2027-01-05" }), HttpStatusCode.Created);
        // Objections are resolved before the issue; upheld, the candidate gets no notice (as any objection did before).
        await service.ReadAsync<JsonElement>(await service.PostJsonAsync(
            $"{url}/objections/{objection.GetProperty("id").GetInt64()}/resolution", Roles.Hr, new { outcome = "upheld", reason = "经核实确有争议", date = "2027-01-07" }));

        var issued = await service.ReadAsync<JsonElement>(await service.PostJsonAsync($"{url}/issue", Roles.Hr, new { date = "2027-01-08" }));
        Assert.NotEqual(0, issued.GetProperty("notices").GetArrayLength());
        Assert.DoesNotContain(issued.GetProperty("notices").EnumerateArray(), n => n.GetProperty("employeeId").GetString() == TestService.EmployeeId);
        Assert.Contains(issued.GetProperty("withheld").EnumerateArray(), w => w.GetString()!.Contains(TestService.EmployeeId, StringComparison.Ordinal));

        var files = await service.ReadAsync<JsonElement>(await service.GetAsync($"{url}/files", Roles.Auditor));
        var notice = files.EnumerateArray().Select(f => f.GetString()!).First(f => f.StartsWith("issue/", StringComparison.Ordinal) && f.EndsWith(".html", StringComparison.Ordinal));
        var download = await service.GetAsync($"{url}/files/{notice}", Roles.Auditor);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/html", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await service.GetAsync($"{url}/files/..%2F..%2Freview.db", Roles.Auditor)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.GetAsync($"{url}/files/../../review.db", Roles.Auditor)).StatusCode);

        var replay = await service.ReadAsync<JsonElement>(await service.PostJsonAsync($"{url}/replay", Roles.Auditor, new { }));
        Assert.True(replay.GetProperty("identical").GetBoolean(), replay.ToString());
        var verify = await service.ReadAsync<JsonElement>(await service.GetAsync("/api/v1/review/verify", Roles.Auditor));
        Assert.True(verify.GetProperty("passed").GetBoolean(), verify.ToString());

        var audit = await service.ReadAsync<JsonElement>(await service.GetAsync($"{url}/audit", Roles.Auditor));
        var byStep = audit.EnumerateArray().GroupBy(e => e.GetProperty("step").GetString()!).ToDictionary(g => g.Key, g => g.Select(e => e.GetProperty("user").GetString()).ToList());
        foreach (var step in new[] { "new", "import", "screen", "score", "vote", "publicize", "objection-resolve", "issue" })
        {
            Assert.True(byStep.TryGetValue(step, out var users) && users.All(u => u == Roles.Hr), $"{step}: {string.Join(",", byStep.GetValueOrDefault(step) ?? [])}");
        }

        Assert.Equal([Roles.Employee], byStep["objection"]);
        Assert.Equal([Roles.Auditor], byStep["replay"]);

        // No whole 身份证号 of the roster in what the committee, the auditor or the employee see of the batch.
        var idNumbers = File.ReadLines(RepoPaths.Sample("rosters/ganpower/employees.csv")).Skip(1).Select(l => l.Split(',')[2]).Where(n => n.Length == 18).ToList();
        Assert.NotEmpty(idNumbers);
        foreach (var (role, path) in new[] { (Roles.Committee, url), (Roles.Auditor, $"{url}/employees/GP0002"), (Roles.Employee, $"{url}/employees/{TestService.EmployeeId}"), (Roles.Employee, $"{url}/publicity") })
        {
            var text = await (await service.GetAsync(path, role)).Content.ReadAsStringAsync();
            Assert.DoesNotContain(idNumbers, text.Contains);
        }

        var show = await service.ReadAsync<JsonElement>(await service.GetAsync(url, Roles.Committee));
        Assert.Equal(1, show.GetProperty("batch").GetProperty("objections").GetInt32());
        var mine = await service.ReadAsync<JsonElement>(await service.GetAsync($"{url}/employees/{TestService.EmployeeId}", Roles.Employee));
        Assert.Single(mine.GetProperty("objections").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await service.GetAsync($"{url}/employees/GP0002", Roles.Employee)).StatusCode);
    }

    [Fact]
    public async Task A_step_out_of_order_is_a_chinese_problem_and_writes_nothing()
    {
        await using var service = await TestService.StartAsync(RepoPaths.Plugins("ganpower-supply"), authorisation: true);
        await service.ReadAsync<JsonElement>(
            await service.PostJsonAsync("/api/v1/batches", Roles.Hr, new { name = Batch, year = 2026, series = "engineering", levels = "assistant" }), HttpStatusCode.Created);
        var url = $"/api/v1/batches/{Uri.EscapeDataString(Batch)}";
        using var before = Store.Open(service);
        var entries = before.Audit(null).Count;
        before.Dispose();

        var problem = await service.ReadAsync<JsonElement>(await service.PostJsonAsync($"{url}/issue", Roles.Hr, new { date = "2027-01-08" }), HttpStatusCode.BadRequest);

        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.GetProperty("detail").GetString());
        using var after = Store.Open(service);
        Assert.Equal(entries, after.Audit(null).Count);
        Assert.Equal(HttpStatusCode.NotFound, (await service.PostJsonAsync("/api/v1/batches/nope/score", Roles.Hr, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await service.PostJsonAsync("/api/v1/batches", Roles.Hr, new { name = "x" })).StatusCode);
    }
}
