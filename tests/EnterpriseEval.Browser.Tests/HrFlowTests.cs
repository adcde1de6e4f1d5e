using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EnterpriseEval.Browser.Tests;

/// <summary>
/// The HR officer's flow end to end in Chromium on a running <c>eeval serve --demo</c> (docs/service.md, "Pages"):
/// sign in, upload the demo roster, screen it, read the dashboard, filter the decisions table, open a person, preview
/// and download a notice — asserting what the officer sees; screenshots of the dashboard, the decisions table and the
/// person's page (1366×768) go to <c>EEVAL_SCREENSHOTS</c>.
/// </summary>
[Collection(ServeCollection.Name)]
public sealed class HrFlowTests(ServeFixture server)
{
    [Fact]
    public async Task The_hr_officer_uploads_screens_filters_opens_a_person_and_previews_and_downloads_a_notice()
    {
        var page = await server.SignInAsync("hr");
        // What the browser says when the Content-Security-Policy blocks something (an inline script or style, a request
        // elsewhere): none of it on any page of the flow.
        var blocked = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || m.Text.StartsWith("Refused to", StringComparison.Ordinal))
            {
                blocked.Add(m.Text);
            }
        };
        await Expect(page).ToHaveURLAsync(new Regex("/hr$"));
        await Expect(page.Locator("header .role")).ToHaveTextAsync("人事专员");

        // Upload the demo roster (its seven CSV files) and see its rejected rows with file, row and column.
        await page.GetByRole(AriaRole.Link, new() { Name = "花名册", Exact = true }).ClickAsync();
        var roster = Path.Combine(Repo.Root, "samples", "rosters", "demo");
        await page.Locator("#files").SetInputFilesAsync(Directory.GetFiles(roster, "*.csv"));
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并检查" }).ClickAsync();
        await Expect(page.Locator(".message.done")).ToContainTextAsync("74 名员工");
        await Expect(page.Locator("table.rejects tbody tr").First).ToBeVisibleAsync();
        await Expect(page.Locator("table.rejects tbody tr").First).ToContainTextAsync(".csv");

        // Screen it: the progress page turns into the dashboard by itself when the job completes.
        await page.Locator("#asOf-new").FillAsync("2026-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "开始筛查" }).First.ClickAsync();
        // The URL, not a load state: the progress page reloads itself when the job ends (see ServeFixture.SignInAsync).
        await Expect(page).ToHaveURLAsync(new Regex("/hr/screenings/s[0-9a-f]{16}$"));
        try
        {
            await Expect(page.Locator("#chart-paths svg[role=img]")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        }
        catch (PlaywrightException e)
        {
            // Say what the job's status resource said and what the server logged.
            var status = await page.Context.APIRequest.GetAsync("/api/v1/screenings/" + page.Url.Split('/')[^1]);
            throw new InvalidOperationException($"{e.Message}\nstatus: {await status.TextAsync()}\nserver:\n{server.Output}", e);
        }
        await Expect(page.Locator("h1")).ToContainTextAsync("筛查结果");
        await Expect(page.Locator(".counts")).ToContainTextAsync("74");
        await Expect(page.Locator("#chart-departments")).ToContainTextAsync("铸造车间");
        await Expect(page.Locator("#pipeline-table")).ToContainTextAsync("2027年Q1");
        await Expect(page.Locator("#pipeline-table")).ToContainTextAsync("助理级");
        await ServeFixture.ScreenshotAsync(page, "dashboard.png");

        // The decisions table, filtered on the server: not yet eligible, with an earliest date in 2027.
        await page.GetByRole(AriaRole.Link, new() { Name = "决策列表" }).ClickAsync();
        await Expect(page.Locator("#decision-total")).ToContainTextAsync("共");
        await page.Locator("#outcome").SelectOptionAsync(new SelectOptionValue { Label = "暂不符合" });
        await page.Locator("#from").FillAsync("2027-01-01");
        await page.Locator("#by").FillAsync("2027-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("outcome=not_eligible"));
        var rows = page.Locator("#decisions tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        foreach (var outcome in await page.Locator("#decisions tbody .outcome").AllTextContentsAsync())
        {
            Assert.Equal("暂不符合", outcome);
        }

        foreach (var date in await page.Locator("#decisions tbody td:nth-child(7)").AllTextContentsAsync())
        {
            Assert.StartsWith("2027-", date, StringComparison.Ordinal);
        }

        await Expect(page.Locator("#decisions")).ToContainTextAsync("程丽萍");
        await ServeFixture.ScreenshotAsync(page, "decisions.png");

        // Search by name, then open the person.
        await page.Locator("#q").FillAsync("程丽萍");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(page.Locator("#decisions")).ToContainTextAsync("2027-01-01");
        await page.GetByRole(AriaRole.Link, new() { Name = "程丽萍" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("程丽萍（HM0014）");
        await Expect(page.Locator("#employee")).ToContainTextAsync("身份证号");
        var id = await page.Locator("#employee dd").Nth(5).TextContentAsync();
        Assert.Matches(@"^\d{6}\*{8}[\dX]{4}$", id);
        await Expect(page.Locator("table.findings").First).ToContainTextAsync("人社部发〔2020〕96号");
        await Expect(page.Locator("section.decision").First).ToContainTextAsync("最早可申报日期");
        await ServeFixture.ScreenshotAsync(page, "person.png");

        // Printed: the person's decisions and findings without the navigation, the header or the forms.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(page.Locator("nav.site-nav")).ToBeHiddenAsync();
        await Expect(page.Locator("header.site-header")).ToBeHiddenAsync();
        await Expect(page.Locator("#kind")).ToBeHiddenAsync();
        await Expect(page.Locator("table.findings").First).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });

        // Preview the screening result notice in the page (a sandboxed frame), then download it.
        await page.Locator("#kind").SelectOptionAsync(new SelectOptionValue { Label = "资格审查结果通知" });
        await page.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        var notice = page.FrameLocator("#notice-preview");
        await Expect(notice.Locator("h1")).ToHaveTextAsync("资格审查结果通知");
        await Expect(notice.Locator("body")).ToContainTextAsync("程丽萍");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#notice-download").ClickAsync());
        var saved = Path.Combine(server.Folder, download.SuggestedFilename);
        await download.SaveAsAsync(saved);
        Assert.EndsWith(".html", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Contains("资格审查结果通知", await File.ReadAllTextAsync(saved));
        Assert.Contains("程丽萍", await File.ReadAllTextAsync(saved));

        // The screenings list: jobs kept in the review store, with the counts their instance recorded.
        await page.GotoAsync("/hr");
        await Expect(page.Locator("table tbody tr").First).ToContainTextAsync("74");
        await Expect(page.Locator("p.hint").Last).ToContainTextAsync("筛查任务保存在评审数据库中");
        await ServeFixture.ScreenshotAsync(page, "screenings.png");

        Assert.True(blocked.Count == 0, string.Join("\n", blocked));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_password_is_refused_in_chinese_on_the_sign_in_page()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/hr");
        await Expect(page).ToHaveURLAsync(new Regex("/signin"));
        await page.GetByLabel("用户名").FillAsync("hr");
        await page.GetByLabel("密码").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.Locator(".message.error")).ToContainTextAsync("用户名或密码不正确");
        await page.Context.CloseAsync();
    }

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
