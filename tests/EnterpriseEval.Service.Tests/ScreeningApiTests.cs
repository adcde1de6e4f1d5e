using System.Net;
using System.Text.Json;
using EnterpriseEval.Host.Cli;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Tests.Support;
using EnterpriseEval.Workflow.Generation;
using Spectre.Console;

namespace EnterpriseEval.Service.Tests;

/// <summary>
/// Screening through the API (docs/service.md, "Screening"): a background job with status and cancellation, paged and
/// filtered decisions, one employee's findings and clauses, downloads and notices; the same decisions as <c>eeval screen</c>.
/// </summary>
public sealed class ScreeningApiTests
{
    [Fact]
    public async Task A_screening_job_gives_the_same_result_files_as_eeval_screen_on_the_same_roster_and_plugins()
    {
        var plugins = RepoPaths.Plugins("ganpower-supply");
        await using var service = await TestService.StartAsync(plugins, authorisation: true);
        var roster = RepoPaths.Sample("rosters/ganpower");
        var rosterId = await service.UploadRosterAsync(roster);

        var status = await service.ScreenAsync(rosterId, "2026-12-31");

        Assert.Equal("completed", status.GetProperty("state").GetString());
        using var cli = new TempFolder();
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(output) });
        var code = await EevalApp.RunAsync(
            ["screen", "--roster", roster, "--plugins", plugins, "--as-of", "2026-12-31", "--out", cli.Path, "--config", RepoPaths.Sample("review/review.json")],
            console,
            b => b.Configuration["EnterpriseEval:Plugins:Isolation"] = "InProcess");
        Assert.True(code == 0, output.ToString());
        var id = status.GetProperty("id").GetString()!;
        foreach (var (file, format) in new[] { ("decisions.csv", "csv"), ("decisions.json", "json") })
        {
            var downloaded = await (await service.GetAsync($"/api/v1/screenings/{id}/results/{format}", Roles.Hr)).Content.ReadAsByteArrayAsync();
            Assert.Equal(File.ReadAllBytes(Path.Combine(cli.Path, file)), downloaded);
        }

        var counts = status.GetProperty("counts");
        Assert.Equal(32, counts.GetProperty("employees").GetInt32());
        Assert.Equal(File.ReadLines(Path.Combine(cli.Path, "decisions.csv")).Count() - 1, counts.GetProperty("decisions").GetInt32());
    }

    [Fact]
    public async Task Decisions_are_paged_and_filtered_on_the_server_with_the_total_count()
    {
        await using var service = await TestService.StartAsync();
        var id = (await service.ScreenAsync(await service.UploadRosterAsync(RepoPaths.Sample("rosters/demo")))).GetProperty("id").GetString()!;
        var all = await Page(service, id, "pageSize=500");
        var total = all.GetProperty("total").GetInt32();
        var items = all.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(total, items.Count);

        var page2 = await Page(service, id, "page=2&pageSize=3");
        Assert.Equal(total, page2.GetProperty("total").GetInt32());
        Assert.Equal(
            items.Skip(3).Take(3).Select(i => i.GetProperty("employeeId").GetString() + i.GetProperty("targetLevel").GetString()),
            page2.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("employeeId").GetString() + i.GetProperty("targetLevel").GetString()));

        var eligible = await Page(service, id, "outcome=eligible&pageSize=500");
        Assert.Equal(items.Count(i => i.GetProperty("outcome").GetString() == "eligible"), eligible.GetProperty("total").GetInt32());
        Assert.All(eligible.GetProperty("items").EnumerateArray(), i => Assert.Equal(Sdk.Model.Vocabulary.ToChinese(Sdk.Model.Outcome.Eligible), i.GetProperty("outcomeName").GetString()));

        var first = items[0];
        var department = first.GetProperty("department").GetString()!;
        var byDepartment = await Page(service, id, $"department={Uri.EscapeDataString(department)}&pageSize=500");
        Assert.Equal(items.Count(i => i.GetProperty("department").GetString() == department), byDepartment.GetProperty("total").GetInt32());

        var name = first.GetProperty("name").GetString()!;
        var byName = await Page(service, id, $"q={Uri.EscapeDataString(name)}&pageSize=500");
        Assert.All(byName.GetProperty("items").EnumerateArray(), i => Assert.Equal(name, i.GetProperty("name").GetString()));
        var byId = await Page(service, id, $"q={first.GetProperty("employeeId").GetString()!.ToLowerInvariant()}");
        Assert.True(byId.GetProperty("total").GetInt32() >= 1);

        var dated = items.Where(i => i.GetProperty("earliestEligibleOn").ValueKind == JsonValueKind.String).ToList();
        var by = await Page(service, id, "eligibleBy=2027-12-31&pageSize=500");
        Assert.Equal(dated.Count(i => i.GetProperty("earliestEligibleOn").GetString()!.CompareTo("2027-12-31") <= 0), by.GetProperty("total").GetInt32());

        var path = first.GetProperty("path").GetString()!;
        var level = first.GetProperty("targetLevel").GetString()!;
        var byPathLevel = await Page(service, id, $"path={path}&level={level}&pageSize=500");
        Assert.Equal(items.Count(i => i.GetProperty("path").GetString() == path && i.GetProperty("targetLevel").GetString() == level), byPathLevel.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("outcome=passed", "outcome")]
    [InlineData("path=sideways", "path")]
    [InlineData("level=grandmaster", "level")]
    [InlineData("eligibleBy=2026-13-01", "eligibleBy")]
    [InlineData("eligibleFrom=yesterday", "eligibleFrom")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=100000", "pageSize")]
    [InlineData("page=-1", "page")]
    public async Task A_bad_filter_value_is_a_problem_naming_the_parameter(string query, string parameter)
    {
        await using var service = await TestService.StartAsync();
        var id = (await service.ScreenAsync(await service.UploadRosterAsync(RepoPaths.Sample("rosters/demo")))).GetProperty("id").GetString()!;

        var problem = await service.ReadAsync<JsonElement>(await service.GetAsync($"/api/v1/screenings/{id}/decisions?{query}", Roles.Hr), HttpStatusCode.BadRequest);

        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Contains(parameter, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unknown_jobs_rosters_and_employees_are_404_problems()
    {
        await using var service = await TestService.StartAsync();
        var rosterId = await service.UploadRosterAsync(RepoPaths.Sample("rosters/demo"));
        var id = (await service.ScreenAsync(rosterId)).GetProperty("id").GetString()!;

        foreach (var url in new[] { "/api/v1/screenings/s0000000000000000", "/api/v1/screenings/nope/decisions", $"/api/v1/screenings/{id}/employees/NOBODY" })
        {
            var problem = await service.ReadAsync<JsonElement>(await service.GetAsync(url, Roles.Hr), HttpStatusCode.NotFound);
            Assert.Equal("未找到", problem.GetProperty("title").GetString());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await service.PostJsonAsync("/api/v1/screenings", Roles.Hr, new { rosterId = "r0000000000000000" })).StatusCode);
        var badDate = await service.ReadAsync<JsonElement>(
            await service.PostJsonAsync("/api/v1/screenings", Roles.Hr, new { rosterId, asOf = "31/12/2026" }), HttpStatusCode.BadRequest);
        Assert.Equal("asOf", badDate.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task One_employees_decisions_come_with_every_finding_and_its_clause()
    {
        await using var service = await TestService.StartAsync();
        var id = (await service.ScreenAsync(await service.UploadRosterAsync(RepoPaths.Sample("rosters/ganpower")))).GetProperty("id").GetString()!;

        var person = await service.ReadAsync<JsonElement>(await service.GetAsync($"/api/v1/screenings/{id}/employees/GP0002", Roles.Hr));

        Assert.Equal("GP0002", person.GetProperty("employee").GetProperty("employeeId").GetString());
        var decisions = person.GetProperty("decisions").EnumerateArray().ToList();
        Assert.NotEmpty(decisions);
        Assert.All(decisions.SelectMany(d => d.GetProperty("findings").EnumerateArray()), f =>
        {
            Assert.False(string.IsNullOrEmpty(f.GetProperty("ruleId").GetString()));
            Assert.False(string.IsNullOrEmpty(f.GetProperty("clause").GetString()));
        });
    }

    [Fact]
    public async Task The_id_number_is_whole_for_hr_and_masked_for_the_auditor_and_the_employee_who_sees_only_themself()
    {
        await using var service = await TestService.StartAsync();
        var id = (await service.ScreenAsync(await service.UploadRosterAsync(RepoPaths.Sample("rosters/ganpower")))).GetProperty("id").GetString()!;
        var whole = File.ReadLines(RepoPaths.Sample("rosters/ganpower/employees.csv")).Single(l => l.StartsWith(TestService.EmployeeId + ",", StringComparison.Ordinal)).Split(',')[2];
        Assert.Equal(18, whole.Length);
        var url = $"/api/v1/screenings/{id}/employees/{TestService.EmployeeId}";

        var hr = await service.ReadAsync<JsonElement>(await service.GetAsync(url, Roles.Hr));
        Assert.Equal(whole, hr.GetProperty("employee").GetProperty("idNumber").GetString());
        foreach (var role in new[] { Roles.Auditor, Roles.Employee })
        {
            var text = await (await service.GetAsync(url, role)).Content.ReadAsStringAsync();
            Assert.DoesNotContain(whole, text);
            Assert.Contains(whole[..6] + "********" + whole[^4..], text);
        }

        var mine = await service.ReadAsync<JsonElement>(await service.GetAsync("/api/v1/me/screening", Roles.Employee));
        Assert.Equal(TestService.EmployeeId, mine.GetProperty("employee").GetProperty("employeeId").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await service.GetAsync($"/api/v1/screenings/{id}/employees/GP0002", Roles.Employee)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.GetAsync($"/api/v1/screenings/{id}/employees/GP0002", Roles.Hr)).StatusCode);
    }

    [Fact]
    public async Task Results_download_as_csv_json_and_xlsx_and_a_bad_format_is_a_problem()
    {
        await using var service = await TestService.StartAsync();
        var id = (await service.ScreenAsync(await service.UploadRosterAsync(RepoPaths.Sample("rosters/demo")))).GetProperty("id").GetString()!;

        var csv = await service.GetAsync($"/api/v1/screenings/{id}/results/csv", Roles.Auditor);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("employee_id", (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF'));
        var json = await service.GetAsync($"/api/v1/screenings/{id}/results/json", Roles.Hr);
        JsonDocument.Parse(await json.Content.ReadAsStringAsync()).Dispose();
        var xlsx = await service.GetAsync($"/api/v1/screenings/{id}/results/xlsx", Roles.Hr);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
        Assert.Equal(HttpStatusCode.BadRequest, (await service.GetAsync($"/api/v1/screenings/{id}/results/pdf", Roles.Hr)).StatusCode);
    }

    [Fact]
    public async Task One_notice_renders_as_html_and_a_batch_as_a_zip_and_an_unknown_kind_is_a_problem()
    {
        await using var service = await TestService.StartAsync();
        var id = (await service.ScreenAsync(await service.UploadRosterAsync(RepoPaths.Sample("rosters/ganpower")))).GetProperty("id").GetString()!;

        var zip = await service.GetAsync($"/api/v1/screenings/{id}/notices?kind=screening_result_notice", Roles.Hr);
        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        using var archive = new System.IO.Compression.ZipArchive(await zip.Content.ReadAsStreamAsync());
        Assert.Contains(archive.Entries, e => e.Name == "index.csv");
        var index = new StreamReader(archive.GetEntry("index.csv")!.Open()).ReadToEnd().Split('\n').Skip(1).First(l => l.Contains(".html", StringComparison.Ordinal));
        var employee = index.Split(',')[2].Trim('\'');

        var one = await service.GetAsync($"/api/v1/screenings/{id}/notices/{employee}?kind=screening_result_notice", Roles.Hr);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal("text/html", one.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", await one.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        var bad = await service.ReadAsync<JsonElement>(await service.GetAsync($"/api/v1/screenings/{id}/notices?kind=love_letter", Roles.Hr), HttpStatusCode.BadRequest);
        Assert.Contains("screening_result_notice", bad.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_cancelled_job_ends_cancelled_not_running_and_has_no_results_and_a_queued_one_too()
    {
        // The large job is held running until cancelled, however fast the machine.
        var hold = new JobHold();
        await using var service = await TestService.StartAsync(settings: new Dictionary<string, string?> { ["EnterpriseEval:Service:MaxRunningScreenings"] = "1" }, services: hold.On("service"));
        using var folder = new TempFolder();
        RosterGenerator.Generate(new GenerationRequest(40_000, 7, folder.Path));
        var rosterId = await service.UploadRosterAsync(folder.Path);
        var small = await service.UploadRosterAsync(RepoPaths.Sample("rosters/demo"));

        var started = await service.ReadAsync<JsonElement>(await service.PostJsonAsync("/api/v1/screenings", Roles.Hr, new { rosterId }), HttpStatusCode.Accepted);
        var id = started.GetProperty("id").GetString()!;

        // One job at a time: the second waits, and cancelling it while it waits ends it.
        var waiting = await service.ReadAsync<JsonElement>(await service.PostJsonAsync("/api/v1/screenings", Roles.Hr, new { rosterId = small }), HttpStatusCode.Accepted);
        var queued = waiting.GetProperty("id").GetString()!;
        Assert.Equal("queued", (await service.ReadAsync<JsonElement>(await service.GetAsync($"/api/v1/screenings/{queued}", Roles.Hr))).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Accepted, (await service.SendAsync(HttpMethod.Post, $"/api/v1/screenings/{queued}/cancel", Roles.Hr)).StatusCode);
        Assert.Equal("cancelled", (await service.WaitAsync(queued)).GetProperty("state").GetString());

        await hold.HeldOnAsync();
        var cancel = await service.SendAsync(HttpMethod.Post, $"/api/v1/screenings/{id}/cancel", Roles.Hr);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);

        var ended = await service.WaitAsync(id);
        Assert.Equal("cancelled", ended.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, ended.GetProperty("counts").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, (await service.GetAsync($"/api/v1/screenings/{id}/decisions", Roles.Hr)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await service.SendAsync(HttpMethod.Post, $"/api/v1/screenings/{id}/cancel", Roles.Hr)).StatusCode);
        Assert.False(File.Exists(Path.Combine(service.DataFolder, "screenings", id, "decisions.csv")));
        using var store = Store.Open(service);
        Assert.Contains(store.Audit(null), e => e.Step == "screening-cancel" && e.User == Roles.Hr);
    }

    private static async Task<JsonElement> Page(TestService service, string id, string query)
    {
        var response = await service.GetAsync($"/api/v1/screenings/{id}/decisions?{query}", Roles.Hr);
        return await service.ReadAsync<JsonElement>(response);
    }
}
