using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EnterpriseEval.Browser.Tests;

/// <summary>
/// A review batch from the demo's scored batch to issued notices, in Chromium on a running <c>eeval serve --demo</c>
/// (docs/service.md, "Pages", "Secret ballot", "Objections"): the admin adds a second committee member, HR opens the
/// secret ballot, both members vote on the ballot page (which shows only 已投票), HR closes it and publicizes, the
/// employee objects on the publicity page, HR resolves the objection and issues, and the auditor verifies the chain and
/// downloads the batch record. A screenshot of the ballot page (1366×768) goes to <c>EEVAL_SCREENSHOTS</c>.
/// </summary>
[Collection(ServeCollection.Name)]
public sealed class ReviewFlowTests(ServeFixture server)
{
    private const string SecondMemberPassword = "second member password";

    private readonly List<string> _console = [];

    [Fact]
    public async Task Two_members_vote_by_secret_ballot_an_employee_objects_hr_resolves_and_issues_and_the_auditor_verifies_and_exports()
    {
        var today = DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var batch = $"{DateTime.Now.Year}-工程-演示";
        var batchPath = $"/hr/batches/{Uri.EscapeDataString(batch)}";

        // The admin adds a second committee member (the demo has one).
        var admin = Watch(await server.SignInAsync("admin"));
        await admin.Locator("#userName").FillAsync("committee2");
        await admin.Locator("#displayName").FillAsync("第二评委");
        await admin.Locator("#role").SelectOptionAsync("committee");
        await admin.Locator("#password").FillAsync(SecondMemberPassword);
        await admin.GetByRole(AriaRole.Button, new() { Name = "建立" }).ClickAsync();
        await Expect(admin.Locator("#accounts")).ToContainTextAsync("第二评委");
        await admin.Context.CloseAsync();

        // HR opens the ballot from the batch page, choosing both members.
        var hr = Watch(await server.SignInAsync("hr"));
        await hr.GotoAsync(batchPath);
        await hr.Locator("#ballot-link").ClickAsync();
        await Expect(hr.Locator("#ballot-state")).ToHaveTextAsync("未开启");
        await hr.Locator("#open-ballot input[value=committee]").CheckAsync();
        await hr.Locator("#open-ballot input[value=committee2]").CheckAsync();
        await hr.GetByRole(AriaRole.Button, new() { Name = "开启无记名投票" }).ClickAsync();
        await Expect(hr.Locator(".message.done")).ToContainTextAsync("评委会 2 人");
        await Expect(hr.Locator("#ballot-state")).ToHaveTextAsync("投票进行中");

        // The first member: from their batches to the dossiers and the ballot page; votes 赞成 on every candidate.
        var member = Watch(await server.SignInAsync("committee"));
        await Expect(member).ToHaveURLAsync(new Regex("/committee$"));
        await member.GetByRole(AriaRole.Link, new() { Name = "候选人档案" }).ClickAsync();
        await Expect(member.Locator("section.dossier").First).ToContainTextAsync("人社部发〔2020〕96号");
        await member.GetByRole(AriaRole.Link, new() { Name = "无记名投票（投票进行中）" }).ClickAsync();
        var forms = member.Locator("#ballot form.ballot");
        var candidates = await forms.CountAsync();
        Assert.True(candidates >= 2, $"{candidates} candidates on the ballot page");
        await CastAsync(member, forms.First, "for");
        await Expect(member.Locator(".message.done")).ToContainTextAsync("已投票：");
        await Expect(member.Locator(".message.done")).Not.ToContainTextAsync("赞成");

        // The row voted on says 已投票 and offers no choice any more; nothing on the page shows what was chosen.
        await Expect(member.Locator("#ballot tbody tr").First).ToContainTextAsync("已投票");
        await Expect(member.Locator("#ballot tbody tr").First.Locator("input[type=radio]")).ToHaveCountAsync(0);
        await Expect(member.Locator("#ballot input:checked")).ToHaveCountAsync(0);
        await ServeFixture.ScreenshotAsync(member, "ballot.png");
        while (await forms.CountAsync() > 0)
        {
            await CastAsync(member, forms.First, "for");
        }

        await Expect(member.Locator("#ballot .badge.ok")).ToHaveCountAsync(candidates);
        await member.Context.CloseAsync();

        // The second member votes 反对 on one candidate other than the employee's, 赞成 on the others.
        var second = Watch(await server.SignInAsync("committee2", SecondMemberPassword));
        await second.GotoAsync($"/committee/batches/{Uri.EscapeDataString(batch)}/ballot");
        var againstRow = second.Locator("#ballot tbody tr").Filter(new() { HasNotText = "GP0014" }).First;
        var againstId = (await againstRow.Locator("td").Nth(0).TextContentAsync())!.Trim();
        var againstLevel = (await againstRow.Locator("td").Nth(3).TextContentAsync())!.Trim();
        await CastAsync(second, againstRow.Locator("form.ballot"), "against");
        var rest = second.Locator("#ballot form.ballot");
        while (await rest.CountAsync() > 0)
        {
            await CastAsync(second, rest.First, "for");
        }

        await second.Context.CloseAsync();

        // HR sees the turnout (never a choice), closes and tallies, then publicizes from today.
        await hr.ReloadAsync();
        await Expect(hr.Locator("#turnout")).ToContainTextAsync($"{candidates} / {candidates}");
        await hr.Locator("#closeDate").FillAsync(today);
        await hr.GetByRole(AriaRole.Button, new() { Name = "结束投票并计票" }).ClickAsync();
        await Expect(hr.Locator(".message.done")).ToContainTextAsync("投票已结束并计票");
        var tally = hr.Locator("#tally tbody tr");
        await Expect(tally.Filter(new() { HasText = againstId }).Filter(new() { HasText = againstLevel })).ToContainTextAsync("未通过");
        var passedRows = tally.Filter(new() { HasText = "GP0014" });
        Assert.True(await passedRows.CountAsync() >= 1);
        for (var i = 0; i < await passedRows.CountAsync(); i++)
        {
            await Expect(passedRows.Nth(i)).Not.ToContainTextAsync("未通过");
        }
        await hr.GotoAsync(batchPath);
        await hr.Locator("#start").FillAsync(today);
        await hr.GetByRole(AriaRole.Button, new() { Name = "公示", Exact = true }).ClickAsync();
        await Expect(hr.Locator(".message.done")).ToContainTextAsync("已公示");

        // The employee sees the publicity list during the period and objects.
        var employee = Watch(await server.SignInAsync("employee"));
        await employee.GetByRole(AriaRole.Link, new() { Name = "评审结果公示" }).ClickAsync();
        await employee.GetByRole(AriaRole.Link, new() { Name = "查看公示名单" }).ClickAsync();
        await Expect(employee.Locator("#publicity-list")).ToContainTextAsync("GP0014");
        await Expect(employee.Locator("#candidate")).ToHaveValueAsync("GP0014");
        await employee.Locator("#reason").FillAsync("本人对公示的申报层级有异议");
        await ServeFixture.ScreenshotAsync(employee, "objection.png");
        await employee.GetByRole(AriaRole.Button, new() { Name = "提交异议" }).ClickAsync();
        await Expect(employee.Locator(".message.done")).ToContainTextAsync("已登记异议 #");
        await Expect(employee.Locator("#my-objections")).ToContainTextAsync("待处理");

        // HR cannot issue while it is open; resolves it (dismissed) and issues.
        await hr.GotoAsync(batchPath);
        await hr.GetByRole(AriaRole.Button, new() { Name = "发文", Exact = true }).ClickAsync();
        await Expect(hr.Locator(".message.error")).ToContainTextAsync("异议未处理，不能发文");
        await hr.Locator("#objections-link").ClickAsync();
        var row = hr.Locator("#objections tbody tr").First;
        await row.Locator("input[value=dismissed]").CheckAsync();
        await row.Locator("textarea[name=reason]").FillAsync("经核实申报层级无误");
        await row.GetByRole(AriaRole.Button, new() { Name = "提交处理结论" }).ClickAsync();
        await Expect(hr.Locator(".message.done")).ToContainTextAsync("异议不成立");
        await hr.GotoAsync(batchPath);
        await hr.GetByRole(AriaRole.Button, new() { Name = "发文", Exact = true }).ClickAsync();
        await Expect(hr.Locator(".message.done")).ToContainTextAsync("已发文");
        await hr.Context.CloseAsync();

        await employee.ReloadAsync();
        await Expect(employee.Locator("#my-objections")).ToContainTextAsync("经核实申报层级无误");
        await employee.Context.CloseAsync();

        // The auditor verifies the chain and downloads the batch record.
        var auditor = Watch(await server.SignInAsync("auditor"));
        await auditor.GetByRole(AriaRole.Link, new() { Name = "审计链与校验" }).First.ClickAsync();
        await auditor.Locator("#verify").ClickAsync();
        await Expect(auditor.Locator("#verify-result")).ToContainTextAsync("校验通过");
        await auditor.GotoAsync("/audit");
        await auditor.GetByRole(AriaRole.Link, new() { Name = "查看档案" }).First.ClickAsync();
        await Expect(auditor.Locator("#objections")).ToContainTextAsync("异议不成立");
        await Expect(auditor.Locator("#ballot-committee")).ToContainTextAsync("第二评委");
        var download = await auditor.RunAndWaitForDownloadAsync(() => auditor.Locator("#export").ClickAsync());
        var saved = Path.Combine(server.Folder, "record.zip");
        await download.SaveAsAsync(saved);
        Assert.EndsWith(".zip", download.SuggestedFilename, StringComparison.Ordinal);
        using (var zip = ZipFile.OpenRead(saved))
        {
            var names = zip.Entries.Select(e => e.FullName).ToList();
            foreach (var file in new[] { "votes.csv", "ballots.csv", "objections.csv", "notices.csv", "audit.csv", "verify.txt" })
            {
                Assert.Contains(file, names);
            }

            Assert.Contains(names, n => n.StartsWith("files/issue/notices/", StringComparison.Ordinal));
            using var ballots = new StreamReader(zip.GetEntry("ballots.csv")!.Open());
            var text = await ballots.ReadToEndAsync();
            Assert.DoesNotContain("committee", text, StringComparison.Ordinal);
            Assert.DoesNotContain("第二评委", text, StringComparison.Ordinal);
        }

        await auditor.Context.CloseAsync();

        // No page of the flow broke the Content-Security-Policy or logged an error.
        Assert.True(_console.Count == 0, string.Join("\n", _console));
    }

    /// <summary>Collects the errors and warnings a page logs (a CSP violation among them).</summary>
    private IPage Watch(IPage page)
    {
        page.Console += (_, m) =>
        {
            // Chromium asks for /favicon.ico by itself at times (the app has none): not the page's doing.
            if (m.Type is "error" or "warning" && !m.Location.Contains("/favicon.ico", StringComparison.Ordinal))
            {
                lock (_console)
                {
                    _console.Add($"{page.Url}: {m.Text} ({m.Location})");
                }
            }
        };
        return page;
    }

    /// <summary>Chooses <paramref name="choice"/> in one candidate's ballot form and submits it (the page reloads).</summary>
    private static async Task CastAsync(IPage page, ILocator form, string choice)
    {
        var voted = page.Locator("#ballot .badge.ok");
        var before = await voted.CountAsync();
        await form.Locator($"input[value={choice}]").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "投票" }).ClickAsync();

        // The page comes back after the POST with one more 已投票 (the old page still shows as many as before).
        await Expect(voted).ToHaveCountAsync(before + 1);
    }

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
