using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Tests.Support;
using EnterpriseEval.Service.Web;

namespace EnterpriseEval.Service.Tests;

/// <summary>
/// The web app (docs/service.md, "Pages") as a browser meets it, on the test server: the sign-in form and sign-out,
/// the HR officer's upload, screening, dashboard, decisions, person and notice pages, the review batch step by step,
/// the admin's pages; what a person reads is Chinese, forms carry anti-forgery, no page has inline script or style,
/// no 身份证号 is shown whole.
/// </summary>
public sealed partial class PagesTests
{
    [Fact]
    public async Task The_sign_in_form_sends_each_role_to_its_home_page_which_names_the_account_and_its_role()
    {
        await using var service = await TestService.StartAsync();
        foreach (var role in Roles.All)
        {
            var session = new PageSession(service);
            var signIn = await session.PageAsync("/signin");
            Assert.Contains("<form method=\"post\"", signIn);
            Assert.Contains("__RequestVerificationToken", signIn);

            var answer = await session.SubmitAsync("/signin", "/signin", new() { ["UserName"] = role, ["Password"] = TestService.Password });

            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.Equal(SiteNav.HomeOf(role), answer.Headers.Location?.OriginalString);
            var home = await session.PageAsync(SiteNav.HomeOf(role));
            Assert.Contains($"测试{Roles.Chinese(role)}", home);
            Assert.Contains($"<span class=\"role\">{Roles.Chinese(role)}</span>", home);
            foreach (var link in SiteNav.Links[role])
            {
                Assert.Contains($"href=\"{link.Href}\"", home);
            }

            var root = await session.GetAsync("/");
            Assert.Equal(SiteNav.HomeOf(role), root.Headers.Location?.OriginalString);
        }
    }

    [Fact]
    public async Task A_wrong_password_is_said_in_chinese_and_failures_in_a_row_lock_the_account_as_the_api_does()
    {
        await using var service = await TestService.StartAsync(settings: new Dictionary<string, string?> { ["EnterpriseEval:Service:LockoutThreshold"] = "3" });
        var session = new PageSession(service);

        var wrong = await session.SubmitAsync("/signin", "/signin", new() { ["UserName"] = Roles.Hr, ["Password"] = "not the password" });
        var unknown = await session.SubmitAsync("/signin", "/signin", new() { ["UserName"] = "nobody", ["Password"] = "not the password" });

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("用户名或密码不正确", await wrong.Content.ReadAsStringAsync());
        Assert.Contains("用户名或密码不正确", await unknown.Content.ReadAsStringAsync());
        await session.SubmitAsync("/signin", "/signin", new() { ["UserName"] = Roles.Hr, ["Password"] = "not the password" });
        await session.SubmitAsync("/signin", "/signin", new() { ["UserName"] = Roles.Hr, ["Password"] = "not the password" });
        var locked = await session.SubmitAsync("/signin", "/signin", new() { ["UserName"] = Roles.Hr, ["Password"] = TestService.Password });
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("账户已锁定", await locked.Content.ReadAsStringAsync());
        Assert.False(session.Has(ServiceApp.CookieName));
        Assert.Equal(423, (int)(await service.SignInAsync(Roles.Hr, TestService.Password)).Response.StatusCode);
    }

    [Fact]
    public async Task With_single_sign_on_the_sign_in_page_offers_the_firms_provider_says_why_it_refused_and_drops_the_password_form()
    {
        await using var provider = await TestIdentityProvider.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["EnterpriseEval:Service:OpenIdConnect:Authority"] = provider.Authority,
            ["EnterpriseEval:Service:OpenIdConnect:ClientId"] = TestIdentityProvider.ClientId,
            ["EnterpriseEval:Service:OpenIdConnect:ClientSecret"] = TestIdentityProvider.ClientSecret,
            ["EnterpriseEval:Service:OpenIdConnect:RequireHttpsMetadata"] = "false",
        };
        await using var service = await TestService.StartAsync(settings: settings);
        var session = new PageSession(service);

        var sent = await session.GetAsync("/hr/batches");
        var page = await session.PageAsync(sent.Headers.Location!.PathAndQuery);

        Assert.Contains($"href=\"{SingleSignOn.StartPath}?returnUrl=%2Fhr%2Fbatches\"", page);
        Assert.Contains("使用企业统一身份认证登录", page);
        Assert.DoesNotContain("type=\"password\"", page);
        // A crafted link cannot put its own wording on the page: only a reason the service sealed is shown
        // (SingleSignOnTests follow a real refusal to the page).
        var crafted = await session.PageAsync($"/signin?error={Uri.EscapeDataString("系统升级，请拨打 400-000-0000 提供密码")}");
        Assert.Contains("统一身份认证未能登录", crafted);
        Assert.Contains("企业统一身份认证未完成，请重试或联系管理员", crafted);
        Assert.DoesNotContain("400-000-0000", crafted);

        settings["EnterpriseEval:Service:OpenIdConnect:LocalSignIn"] = "true";
        await using var both = await TestService.StartAsync(settings: settings);
        var local = await new PageSession(both).PageAsync("/signin");
        Assert.Contains("使用企业统一身份认证登录", local);
        Assert.Contains("type=\"password\"", local);
        await PageSession.SignInAsync(both, Roles.Hr);
    }

    [Fact]
    public async Task A_form_posted_without_its_anti_forgery_token_is_refused_with_a_chinese_page()
    {
        await using var service = await TestService.StartAsync();
        var session = new PageSession(service);
        await session.PageAsync("/signin");

        var answer = await session.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/signin")
        {
            Content = new FormUrlEncodedContent([new("UserName", Roles.Hr), new("Password", TestService.Password)]),
        });

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.False(session.Has(ServiceApp.CookieName));
        var hr = await PageSession.SignInAsync(service, Roles.Hr);
        var post = await hr.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/hr/rosters?handler=Screen") { Content = new FormUrlEncodedContent([new("rosterId", "x")]) });
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        var html = await post.Content.ReadAsStringAsync();
        Assert.Contains("防伪令牌", html);
        Assert.Equal("text/html", post.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Signing_out_with_the_form_ends_the_session_and_an_anonymous_visitor_is_sent_to_sign_in()
    {
        await using var service = await TestService.StartAsync();
        var session = await PageSession.SignInAsync(service, Roles.Hr);
        await session.PageAsync("/hr");

        var answer = await session.SubmitAsync("/hr", "/signout", []);

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/signin", answer.Headers.Location?.OriginalString);
        var after = await session.GetAsync("/hr");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/signin", after.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/no-such-page")).StatusCode);
        var other = await PageSession.SignInAsync(service, Roles.Committee);
        var missing = await other.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("页面不存在", await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_have_no_inline_script_or_style_name_nothing_outside_the_service_and_their_style_sheet_is_served_to_anyone()
    {
        await using var service = await TestService.StartAsync();
        var hr = await PageSession.SignInAsync(service, Roles.Hr);
        var admin = await PageSession.SignInAsync(service, Roles.Admin);
        var id = (await service.ScreenAsync(await service.UploadRosterAsync(RepoPaths.Sample("rosters/demo")))).GetProperty("id").GetString()!;
        var pages = new List<(PageSession Session, string Url)>
        {
            (new PageSession(service), "/signin"), (hr, "/hr"), (hr, "/hr/rosters"), (hr, $"/hr/screenings/{id}"), (hr, $"/hr/screenings/{id}/decisions"),
            (hr, $"/hr/screenings/{id}/employees/HM0003"), (hr, "/hr/batches"), (admin, "/admin"), (admin, "/admin/tokens"), (admin, "/admin/plugins"),
        };
        foreach (var (session, url) in pages)
        {
            var answer = await session.GetAsync(url);
            var html = await answer.Content.ReadAsStringAsync();
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{url}: {(int)answer.StatusCode}");
            Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
            Assert.DoesNotMatch("\\sstyle=", html);
            Assert.DoesNotMatch("<style", html);
            Assert.DoesNotMatch("(?:src|href|action)=\"(?:https?:)?//", html);
            Assert.Contains("<html lang=\"zh-CN\">", html);
            Assert.Contains($"{SiteNav.Assets}/css/site.css", html);
            var csp = string.Join(";", answer.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
        }

        var css = await service.Client.GetAsync($"{SiteNav.Assets}/css/site.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains("@media print", await css.Content.ReadAsStringAsync());
        var script = await service.Client.GetAsync($"{SiteNav.Assets}/js/screening.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.DoesNotContain("http", await script.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_hr_officer_uploads_a_roster_with_the_form_sees_its_rejected_rows_and_starts_a_screening_that_ends_on_the_dashboard()
    {
        await using var service = await TestService.StartAsync();
        var hr = await PageSession.SignInAsync(service, Roles.Hr);
        var files = Directory.EnumerateFiles(RepoPaths.Sample("rosters/demo"), "*.csv").Select(f => ("files", Path.GetFileName(f), File.ReadAllBytes(f))).ToList();

        var upload = await hr.SubmitAsync("/hr/rosters", "/hr/rosters?handler=Upload", [], files);

        var html = await upload.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Contains("已上传", html);
        Assert.Matches("<table class=\"data rejects\">[\\s\\S]*?<td>[^<]+\\.csv</td>", html);
        var rosterId = Regex.Match(html, "name=\"rosterId\" value=\"(r[0-9a-f]{16})\"").Groups[1].Value;
        Assert.NotEmpty(rosterId);

        var start = await hr.SubmitAsync("/hr/rosters", "/hr/rosters?handler=Screen", new() { ["rosterId"] = rosterId, ["asOf"] = "2026-12-31" });

        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var page = start.Headers.Location!.OriginalString;
        var jobId = page.Split('/')[^1];
        await service.WaitAsync(jobId);
        var dashboard = await hr.PageAsync(page);
        Assert.Contains("各路径的结论", dashboard);
        Assert.Contains("各部门的结论", dashboard);
        Assert.Contains("人才梯队", dashboard);
        Assert.Equal(3, Regex.Matches(dashboard, "<svg xmlns=").Count);
        Assert.Contains("铸造车间", dashboard);
        Assert.Contains($"/api/v1/screenings/{jobId}/results/xlsx", dashboard);
        var status = await service.ReadAsync<JsonElement>(await service.GetAsync($"/api/v1/screenings/{jobId}", Roles.Hr));
        var eligible = status.GetProperty("counts").GetProperty("outcomes").GetProperty("eligible").GetInt32();
        Assert.Contains($"<span>{Outcome.Eligible.ToChinese()}</span><strong>{eligible}</strong>", dashboard);
        var hrHome = await hr.PageAsync("/hr");
        Assert.Contains($"href=\"/hr/screenings/{jobId}\"", hrHome);
        Assert.Contains("已完成", hrHome);
    }

    [Fact]
    public async Task The_dashboard_charts_count_what_the_api_counts_and_the_pipeline_puts_each_employee_in_the_quarter_of_their_earliest_date()
    {
        await using var service = await TestService.StartAsync();
        var id = (await service.ScreenAsync(await service.UploadRosterAsync(RepoPaths.Sample("rosters/demo")), "2026-12-31")).GetProperty("id").GetString()!;
        var hr = await PageSession.SignInAsync(service, Roles.Hr);

        var html = await hr.PageAsync($"/hr/screenings/{id}");

        // Decisions per path and outcome: the chart's description (read out by screen readers) against the API's totals.
        var description = Regex.Match(html, "<figure class=\"chart\" id=\"chart-paths\">[\\s\\S]*?<desc>([^<]*)</desc>").Groups[1].Value;
        foreach (var path in Enum.GetValues<ScreeningPath>())
        {
            var counts = new List<string>();
            foreach (var outcome in new[] { Outcome.Eligible, Outcome.NeedsReview, Outcome.NotEligible, Outcome.OutOfScope })
            {
                var api = await service.ReadAsync<JsonElement>(await service.GetAsync($"/api/v1/screenings/{id}/decisions?pageSize=1&path={path.ToCode()}&outcome={outcome.ToCode()}", Roles.Hr));
                counts.Add($"{outcome.ToChinese()} {api.GetProperty("total").GetInt32()}");
            }

            Assert.Contains($"{path.ToChinese()}：{string.Join("，", counts)}", description);
        }

        // The pipeline: per level, employees whose earliest date (over their paths) falls in each quarter of 2027 and 2028.
        var all = await service.ReadAsync<JsonElement>(await service.GetAsync($"/api/v1/screenings/{id}/decisions?pageSize=500", Roles.Hr));
        var earliest = all.GetProperty("items").EnumerateArray()
            .Where(d => d.GetProperty("outcome").GetString() != "out_of_scope" && d.GetProperty("earliestEligibleOn").ValueKind == JsonValueKind.String)
            .GroupBy(d => (Employee: d.GetProperty("employeeId").GetString()!, Level: d.GetProperty("targetLevel").GetString()!))
            .Select(g => (g.Key.Level, On: g.Min(d => DateOnly.Parse(d.GetProperty("earliestEligibleOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture))))
            .Where(e => e.On > new DateOnly(2026, 12, 31))
            .ToList();
        var table = Regex.Match(html, "<table class=\"data\" id=\"pipeline-table\">[\\s\\S]*?</table>").Value;
        var rows = Regex.Matches(table, "<tr>\\s*<td>([^<]+)</td>([\\s\\S]*?)</tr>");
        Assert.NotEmpty(rows);
        foreach (Match row in rows)
        {
            var level = earliest.Select(e => e.Level).Distinct().Single(l => Workflow.Review.ReviewExports.LevelName(l) == row.Groups[1].Value);
            var cells = Regex.Matches(row.Groups[2].Value, "<td class=\"num\">\\s*(?:<a [^>]+>)?(\\d+)").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(8, cells.Count);
            for (var q = 0; q < 8; q++)
            {
                var (year, quarter) = (2027 + (q / 4), (q % 4) + 1);
                var expected = earliest.Count(e => e.Level == level && e.On.Year == year && ((e.On.Month - 1) / 3) + 1 == quarter);
                Assert.True(expected == cells[q], $"{row.Groups[1].Value} {year}年Q{quarter}: page {cells[q]}, decisions {expected}");
            }
        }

        // From the README of the demo roster: HM0014 may apply for 助理级 on 2027-01-01, HM0015 for 中级 on 2027-07-17.
        Assert.Matches("<td>助理级</td>\\s*<td class=\"num\">\\s*<a href=\"[^\"]+level=assistant&amp;from=2027-01-01&amp;by=2027-03-31\">[1-9]", table);
        Assert.Matches("<td>中级</td>(\\s*<td class=\"num\">[\\s\\S]*?</td>){2}\\s*<td class=\"num\">\\s*<a [^>]+>[1-9]", table);
    }

    [Fact]
    public async Task A_waiting_or_running_screening_shows_its_progress_and_is_cancelled_with_the_pages_button()
    {
        // The large screening is held running until cancelled, however fast the machine.
        var hold = new JobHold();
        await using var service = await TestService.StartAsync(settings: new Dictionary<string, string?> { ["EnterpriseEval:Service:MaxRunningScreenings"] = "1" }, services: hold.On("service"));
        using var folder = new TempFolder();
        Workflow.Generation.RosterGenerator.Generate(new Workflow.Generation.GenerationRequest(40_000, 7, folder.Path));
        var big = await service.UploadRosterAsync(folder.Path);
        var small = await service.UploadRosterAsync(RepoPaths.Sample("rosters/demo"));
        var hr = await PageSession.SignInAsync(service, Roles.Hr);
        var running = (await hr.SubmitAsync("/hr/rosters", "/hr/rosters?handler=Screen", new() { ["rosterId"] = big })).Headers.Location!.OriginalString;
        var waiting = (await hr.SubmitAsync("/hr/rosters", "/hr/rosters?handler=Screen", new() { ["rosterId"] = small })).Headers.Location!.OriginalString;
        await hold.HeldOnAsync();

        var progress = await hr.PageAsync(waiting);
        Assert.Contains("<progress", progress);
        Assert.Contains($"data-status-url=\"/api/v1/screenings/{waiting.Split('/')[^1]}\"", progress);
        Assert.Contains($"<script src=\"{SiteNav.Assets}/js/screening.js\"></script>", progress);
        Assert.Contains("排队中", progress);
        Assert.Contains("取消筛查", progress);

        foreach (var page in new[] { waiting, running })
        {
            var cancel = await hr.SubmitAsync(page, $"{page}?handler=Cancel", []);
            Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
            await service.WaitAsync(page.Split('/')[^1]);
            var after = await hr.PageAsync(page);
            Assert.Contains("已取消", after);
            Assert.DoesNotContain(">取消筛查</button>", after);
            Assert.DoesNotContain("screening.js", after);
        }

        var again = await hr.SubmitAsync(running, $"{running}?handler=Cancel", []);
        Assert.Contains("无法取消", await hr.PageAsync(again.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task A_malformed_roster_uploaded_with_the_form_is_shown_with_its_file_row_and_column_and_nothing_is_stored()
    {
        await using var service = await TestService.StartAsync();
        var hr = await PageSession.SignInAsync(service, Roles.Hr);
        var employees = File.ReadAllText(RepoPaths.Sample("rosters/demo/employees.csv")).Replace("hire_date", "hired", StringComparison.Ordinal);

        var upload = await hr.SubmitAsync("/hr/rosters", "/hr/rosters?handler=Upload", [], [("files", "employees.csv", System.Text.Encoding.UTF8.GetBytes(employees))]);

        var html = await upload.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Contains("花名册有误", html);
        Assert.Contains("位置：文件 employees.csv，第 1 行", html);
        Assert.Empty(service.RosterFolderEntries());
        var none = await hr.SubmitAsync("/hr/rosters", "/hr/rosters?handler=Upload", [], [("files", "notes.txt", [1, 2, 3])]);
        Assert.Contains("只接受 .csv 文件", await none.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_decisions_page_filters_searches_and_pages_on_the_server_with_the_totals_of_the_api()
    {
        await using var service = await TestService.StartAsync();
        var id = (await service.ScreenAsync(await service.UploadRosterAsync(RepoPaths.Sample("rosters/demo")))).GetProperty("id").GetString()!;
        var hr = await PageSession.SignInAsync(service, Roles.Hr);
        foreach (var (pageQuery, apiQuery) in new[]
        {
            ("", ""), ("outcome=eligible", "outcome=eligible"), ("path=skill_to_title&outcome=not_eligible", "path=skill_to_title&outcome=not_eligible"),
            ("department=%E9%93%B8%E9%80%A0%E8%BD%A6%E9%97%B4", "department=%E9%93%B8%E9%80%A0%E8%BD%A6%E9%97%B4"), ("q=hm000", "q=hm000"),
            ("from=2027-01-01&by=2027-12-31", "eligibleFrom=2027-01-01&eligibleBy=2027-12-31"), ("level=intermediate", "level=intermediate"),
        })
        {
            var api = await service.ReadAsync<JsonElement>(await service.GetAsync($"/api/v1/screenings/{id}/decisions?pageSize=500&{apiQuery}", Roles.Hr));
            var html = await hr.PageAsync($"/hr/screenings/{id}/decisions?{pageQuery}");
            var total = api.GetProperty("total").GetInt32();
            Assert.Contains($"共 <strong>{total:N0}</strong> 条决策", html);
            var rows = Regex.Matches(html, "<tr>\\s*<td><a href=\"/hr/screenings/").Count;
            Assert.Equal(Math.Min(total, 50), rows);
        }

        var first = await hr.PageAsync($"/hr/screenings/{id}/decisions?size=20");
        Assert.Equal(20, Regex.Matches(first, "<tr>\\s*<td><a href=\"/hr/screenings/").Count);
        var next = System.Net.WebUtility.HtmlDecode(Regex.Match(first, "href=\"([^\"]+)\" rel=\"next\"").Groups[1].Value);
        Assert.Equal($"/hr/screenings/{id}/decisions?size=20&page=2", next);
        var second = await hr.PageAsync(next);
        Assert.Contains("第 2 / 3 页", second);
        var api2 = await service.ReadAsync<JsonElement>(await service.GetAsync($"/api/v1/screenings/{id}/decisions?page=2&pageSize=20", Roles.Hr));
        Assert.Matches($"<tbody>\\s*<tr>\\s*<td><a [^>]+>{api2.GetProperty("items")[0].GetProperty("employeeId").GetString()}</a>", second);
        var bad = await hr.PageAsync($"/hr/screenings/{id}/decisions?from=2027-13-45");
        Assert.Contains("不是日期", bad);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/hr/screenings/nope/decisions")).StatusCode);
    }

    [Fact]
    public async Task A_persons_page_shows_every_finding_with_its_clause_and_the_id_number_masked_for_hr_too()
    {
        await using var service = await TestService.StartAsync();
        var id = (await service.ScreenAsync(await service.UploadRosterAsync(RepoPaths.Sample("rosters/demo")))).GetProperty("id").GetString()!;
        var hr = await PageSession.SignInAsync(service, Roles.Hr);
        var api = await service.ReadAsync<JsonElement>(await service.GetAsync($"/api/v1/screenings/{id}/employees/HM0003", Roles.Hr));
        var whole = api.GetProperty("employee").GetProperty("idNumber").GetString()!;

        var html = await hr.PageAsync($"/hr/screenings/{id}/employees/HM0003");

        Assert.Contains("邹小兵", html);
        Assert.DoesNotContain(whole, html);
        Assert.Contains(IdentityNumber.Mask(whole), html);
        var decisions = api.GetProperty("decisions").EnumerateArray().ToList();
        Assert.Equal(decisions.Count, Regex.Matches(html, "<section class=\"card decision\"").Count);
        foreach (var finding in decisions.SelectMany(d => d.GetProperty("findings").EnumerateArray()))
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode(finding.GetProperty("clause").GetString()!), html);
            Assert.Contains(finding.GetProperty("ruleId").GetString()!, html);
        }

        var ids = File.ReadLines(RepoPaths.Sample("rosters/demo/employees.csv")).Skip(1).Select(l => l.Split(',')[2]).Where(n => n.Length == 18).ToList();
        var table = await hr.PageAsync($"/hr/screenings/{id}/decisions?q=hm00");
        Assert.DoesNotContain(ids, table.Contains);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync($"/hr/screenings/{id}/employees/NOBODY")).StatusCode);
    }

    [Fact]
    public async Task A_notice_is_previewed_in_a_sandboxed_frame_answered_under_its_own_policy_and_downloaded_as_a_file()
    {
        await using var service = await TestService.StartAsync();
        var id = (await service.ScreenAsync(await service.UploadRosterAsync(RepoPaths.Sample("rosters/demo")))).GetProperty("id").GetString()!;
        var hr = await PageSession.SignInAsync(service, Roles.Hr);

        var html = await hr.PageAsync($"/hr/screenings/{id}/employees/HM0003?kind=screening_result_notice");

        var frame = Regex.Match(html, "<iframe class=\"notice\" id=\"notice-preview\"[^>]*>");
        Assert.True(frame.Success, html);
        Assert.Contains("sandbox=\"\"", frame.Value);
        var src = System.Net.WebUtility.HtmlDecode(Regex.Match(frame.Value, "src=\"([^\"]+)\"").Groups[1].Value);
        var preview = await hr.GetAsync(src);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var csp = string.Join(";", preview.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("sandbox", csp);
        Assert.Contains("frame-ancestors 'self'", csp);
        Assert.Contains("default-src 'none'", csp);
        Assert.Equal("SAMEORIGIN", preview.Headers.GetValues("X-Frame-Options").Single());
        Assert.Null(preview.Content.Headers.ContentDisposition);
        Assert.Contains("资格审查结果通知", await preview.Content.ReadAsStringAsync());
        var download = await hr.GetAsync(src + "&download=true");
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("DENY", download.Headers.GetValues("X-Frame-Options").Single());
        var none = await hr.PageAsync($"/hr/screenings/{id}/employees/HM0003?kind=wage_notice");
        Assert.Matches("id=\"notice-message\">[^<]*[\\p{IsCJKUnifiedIdeographs}]", none);
    }

    [Fact]
    public async Task A_review_batch_runs_step_by_step_through_the_hr_pages_with_the_signed_in_account_as_operator()
    {
        await using var service = await TestService.StartAsync(RepoPaths.Plugins("ganpower-supply"), authorisation: true);
        var rosterId = await service.UploadRosterAsync(RepoPaths.Sample("rosters/ganpower"));
        var hr = await PageSession.SignInAsync(service, Roles.Hr);
        const string name = "2026-工程";
        var page = $"/hr/batches/{Uri.EscapeDataString(name)}";

        var created = await hr.SubmitAsync("/hr/batches", "/hr/batches", new() { ["name"] = name, ["year"] = "2026", ["series"] = "engineering", ["levels"] = "assistant,intermediate" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var twice = await hr.SubmitAsync("/hr/batches", "/hr/batches", new() { ["name"] = name, ["year"] = "2026", ["series"] = "engineering", ["levels"] = "assistant" });
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Matches("class=\"message error\"[\\s\\S]*\\p{IsCJKUnifiedIdeographs}", await twice.Content.ReadAsStringAsync());

        var early = await hr.SubmitAsync(page, $"{page}?handler=Issue", new() { ["date"] = "2027-01-08" });
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("class=\"message error\"", await early.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await hr.SubmitAsync(page, $"{page}?handler=Screen", new() { ["rosterId"] = rosterId })).StatusCode);
        Assert.Contains("资格筛查完成", await hr.PageAsync(page));
        Assert.Equal(HttpStatusCode.Redirect, (await hr.SubmitAsync(page, $"{page}?handler=Score", [])).StatusCode);
        // The sample vote sheet with one impossible row more: the votes are imported, the row is shown with its place.
        var sheet = File.ReadAllText(RepoPaths.Sample("review/votes.csv")).TrimEnd('\n') + "\nGP0002,skill_to_title,assistant,15,16,10,1,1\n";
        var badRow = sheet.TrimEnd('\n').Split('\n').Length;
        var votes = await hr.SubmitAsync(page, $"{page}?handler=Vote", new() { ["date"] = "2026-12-30" }, [("sheet", "votes.csv", System.Text.Encoding.UTF8.GetBytes(sheet))]);
        var voted = await votes.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, votes.StatusCode);
        Assert.Contains("表决结果已导入", voted);
        Assert.Matches($"id=\"vote-rejects\"[\\s\\S]*<td>votes\\.csv</td><td class=\"num\">{badRow}</td><td>present</td>", voted);
        Assert.Equal(HttpStatusCode.Redirect, (await hr.SubmitAsync(page, $"{page}?handler=Publicize", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await hr.SubmitAsync(page, $"{page}?handler=Objection", new() { ["employeeId"] = TestService.EmployeeId, ["reason"] = "专利署名存在争议", ["date"] = "2027-01-05" })).StatusCode);

        // An open objection stops the issue; resolved on the objections page (upheld: no notice for GP0014), it goes on.
        var open = await hr.SubmitAsync(page, $"{page}?handler=Issue", new() { ["date"] = "2027-01-08" });
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Contains("还有 1 条异议未处理，不能发文", await open.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await hr.SubmitAsync($"{page}/objections", $"{page}/objections?handler=Resolve", new() { ["id"] = "1", ["outcome"] = "upheld", ["reason"] = "经核实属实", ["date"] = "2027-01-07" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await hr.SubmitAsync(page, $"{page}?handler=Issue", new() { ["date"] = "2027-01-08" })).StatusCode);

        var done = await hr.PageAsync(page);
        Assert.Contains("专利署名存在争议", done);
        Assert.Matches($"href=\"/api/v1/batches/{Regex.Escape(Uri.EscapeDataString(name))}/files/issue/[^\"]+\\.html\"", done);
        Assert.Equal(5, Regex.Matches(done, "<span class=\"badge ok\">已完成</span>").Count);
        using var store = Store.Open(service);
        var batch = Assert.Single(store.Batches());
        var byStep = store.Audit(batch.Id).GroupBy(e => e.Step).ToDictionary(g => g.Key, g => g.Select(e => e.User).Distinct().ToList());
        foreach (var step in new[] { "new", "import", "screen", "score", "vote", "publicize", "objection", "objection-resolve", "issue" })
        {
            Assert.Equal([Roles.Hr], byStep[step]);
        }
    }

    [Fact]
    public async Task The_admin_creates_and_changes_accounts_issues_a_token_shown_once_revokes_it_and_validates_the_plugins()
    {
        await using var service = await TestService.StartAsync(RepoPaths.Plugins("ganpower-supply"), authorisation: true);
        var admin = await PageSession.SignInAsync(service, Roles.Admin);

        var created = await admin.SubmitAsync("/admin", "/admin?handler=Create", new()
        {
            ["userName"] = "zhang", ["displayName"] = "张评委", ["role"] = Roles.Committee, ["password"] = "a long enough password",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("张评委", await admin.PageAsync("/admin"));
        var shortPassword = await admin.SubmitAsync("/admin", "/admin?handler=Create", new() { ["userName"] = "li", ["role"] = Roles.Hr, ["password"] = "short" });
        Assert.Contains("密码至少 12 个字符", await shortPassword.Content.ReadAsStringAsync());
        await PageSession.SignInAsync(service, "zhang", "a long enough password");

        using (var store = Store.Open(service))
        {
            var zhang = store.FindAccount("zhang")!;
            var changed = await admin.SubmitAsync("/admin", "/admin?handler=Update", new() { ["id"] = zhang.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["role"] = Roles.Auditor, ["disabled"] = "true" });
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        Assert.Contains("已停用", await admin.PageAsync("/admin"));
        var issued = await admin.SubmitAsync("/admin/tokens", "/admin/tokens?handler=Issue", new() { ["userName"] = Roles.Hr, ["name"] = "HR 系统" });
        var html = await issued.Content.ReadAsStringAsync();
        var token = Regex.Match(html, "<p class=\"secret\">(eeval_[^<]+)</p>").Groups[1].Value;
        Assert.NotEmpty(token);
        var list = await admin.PageAsync("/admin/tokens");
        Assert.DoesNotContain(token, list);
        var call = new HttpRequestMessage(HttpMethod.Get, "/api/v1/rosters");
        call.Headers.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await service.Client.SendAsync(call)).StatusCode);
        var tokenId = Regex.Matches(list, "name=\"id\" value=\"(\\d+)\"").Select(m => m.Groups[1].Value).Max(v => long.Parse(v, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/admin/tokens", "/admin/tokens?handler=Revoke", new() { ["id"] = $"{tokenId}" })).StatusCode);
        var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/rosters");
        again.Headers.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Client.SendAsync(again)).StatusCode);

        var plugins = await admin.PageAsync("/admin/plugins?validate=true");
        Assert.Contains("ganpower", plugins);
        Assert.Contains("id=\"validation\"", plugins);
    }
}
