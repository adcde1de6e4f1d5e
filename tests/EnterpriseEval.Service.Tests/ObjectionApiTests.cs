using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Tests.Support;
using static EnterpriseEval.Service.Tests.Support.ReviewFlow;

namespace EnterpriseEval.Service.Tests;

/// <summary>
/// Objections lodged during the publicity get a number and a status; HR resolves each (upheld: no notice; dismissed:
/// issued) with a reason, and the issue refuses while one is open, naming it (docs/service.md, "Objections"). The
/// auditor's export of the whole batch record.
/// </summary>
public sealed class ObjectionApiTests
{
    [Fact]
    public async Task Issue_refuses_while_an_objection_is_open_and_a_dismissed_objection_is_issued_an_upheld_one_not()
    {
        await using var service = await StartAsync();
        await PublicizedAsync(service);
        var mine = await service.ReadAsync<JsonElement>(
            await service.PostJsonAsync($"{Url}/objections", Roles.Employee, new { reason = "反映其专利署名存在争议", date = "2027-01-05" }), HttpStatusCode.Created);
        var other = await service.ReadAsync<JsonElement>(
            await service.PostJsonAsync($"{Url}/objections", Roles.Hr, new { employeeId = "GP0002", reason = "群众来信反映业绩材料不实", date = "2027-01-06" }), HttpStatusCode.Created);
        Assert.Equal("open", mine.GetProperty("status").GetString());
        Assert.Equal("待处理", mine.GetProperty("statusName").GetString());
        var (mineId, otherId) = (mine.GetProperty("id").GetInt64(), other.GetProperty("id").GetInt64());
        Assert.NotEqual(mineId, otherId);

        var refused = await service.ReadAsync<JsonElement>(await service.PostJsonAsync($"{Url}/issue", Roles.Hr, new { date = "2027-01-08" }), HttpStatusCode.BadRequest);
        Assert.Contains("还有 2 条异议未处理，不能发文", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains($"异议 #{mineId}（工号 {TestService.EmployeeId}", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await FilesAsync(service));

        // Resolution: HR only, a known outcome and a reason; once.
        Assert.Equal(HttpStatusCode.Forbidden, (await Resolve(Roles.Employee, mineId, "dismissed", "x")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Resolve(Roles.Hr, mineId, "perhaps", "x")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Resolve(Roles.Hr, mineId, "dismissed", " ")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Resolve(Roles.Hr, 999, "dismissed", "x")).StatusCode);
        var dismissed = await service.ReadAsync<JsonElement>(await Resolve(Roles.Hr, mineId, "dismissed", "经核实专利署名无误"));
        Assert.Equal("dismissed", dismissed.GetProperty("status").GetString());
        Assert.Equal("经核实专利署名无误", dismissed.GetProperty("resolution").GetString());
        var again = await service.ReadAsync<JsonElement>(await Resolve(Roles.Hr, mineId, "upheld", "改判"), HttpStatusCode.BadRequest);
        Assert.Contains("不能重复处理", again.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var stillOne = await service.ReadAsync<JsonElement>(await service.PostJsonAsync($"{Url}/issue", Roles.Hr, new { date = "2027-01-08" }), HttpStatusCode.BadRequest);
        Assert.Contains($"还有 1 条异议未处理，不能发文：异议 #{otherId}（工号 GP0002", stillOne.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await service.ReadAsync<JsonElement>(await Resolve(Roles.Hr, otherId, "成立", "业绩材料经核实不实"));

        var issued = await service.ReadAsync<JsonElement>(await service.PostJsonAsync($"{Url}/issue", Roles.Hr, new { date = "2027-01-08" }));
        var noticed = issued.GetProperty("notices").EnumerateArray().Select(n => n.GetProperty("employeeId").GetString()).ToList();
        Assert.Contains(TestService.EmployeeId, noticed);
        Assert.DoesNotContain("GP0002", noticed);
        Assert.Contains(issued.GetProperty("withheld").EnumerateArray(), w => w.GetString()!.StartsWith("GP0002", StringComparison.Ordinal));

        var audit = await service.ReadAsync<JsonElement>(await service.GetAsync($"{Url}/audit", Roles.Auditor));
        var resolutions = audit.EnumerateArray().Where(e => e.GetProperty("step").GetString() == "objection-resolve").ToList();
        Assert.Equal(2, resolutions.Count);
        Assert.All(resolutions, e => Assert.Equal(Roles.Hr, e.GetProperty("user").GetString()));
        Assert.Contains(resolutions, e => e.GetProperty("summary").GetString()!.Contains("异议不成立，照常发文", StringComparison.Ordinal));

        // After the issue, no objection can be lodged or resolved any more.
        Assert.Equal(HttpStatusCode.BadRequest, (await service.PostJsonAsync($"{Url}/objections", Roles.Hr, new { employeeId = "GP0004", reason = "迟到的异议", date = "2027-01-07" })).StatusCode);
        var verify = await service.ReadAsync<JsonElement>(await service.GetAsync("/api/v1/review/verify", Roles.Auditor));
        Assert.True(verify.GetProperty("passed").GetBoolean(), verify.ToString());

        Task<HttpResponseMessage> Resolve(string role, long id, string outcome, string reason) =>
            service.PostJsonAsync($"{Url}/objections/{id}/resolution", role, new { outcome, reason, date = "2027-01-07" });
    }

    [Fact]
    public async Task An_employee_objects_to_a_listed_colleague_and_only_HR_the_auditor_and_the_objector_see_who_objected()
    {
        await using var service = await StartAsync();
        await PublicizedAsync(service);

        // A colleague on the list (as in a real 公示: anyone may object to any listed candidate); not someone off it.
        var lodged = await service.ReadAsync<JsonElement>(
            await service.PostJsonAsync($"{Url}/objections", Roles.Employee, new { employeeId = "GP0002", reason = "其业绩材料中的项目并非本人主持", date = "2027-01-05" }),
            HttpStatusCode.Created);
        Assert.Equal("GP0002", lodged.GetProperty("employeeId").GetString());
        Assert.Equal(Roles.Employee, lodged.GetProperty("recordedBy").GetString());
        var offList = await service.ReadAsync<JsonElement>(
            await service.PostJsonAsync($"{Url}/objections", Roles.Employee, new { employeeId = "GP0099", reason = "x", date = "2027-01-05" }), HttpStatusCode.BadRequest);
        Assert.Contains("不在本批次的公示名单中", offList.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Who objected: HR and the auditor see it; the committee reads 不公开.
        var id = lodged.GetProperty("id").GetInt64();
        foreach (var (role, expected) in new[] { (Roles.Hr, Roles.Employee), (Roles.Auditor, Roles.Employee), (Roles.Committee, "不公开") })
        {
            var batch = await service.ReadAsync<JsonElement>(await service.GetAsync(Url, role));
            var objection = batch.GetProperty("objections").EnumerateArray().Single(o => o.GetProperty("id").GetInt64() == id);
            Assert.Equal(expected, objection.GetProperty("recordedBy").GetString());
        }
    }

    [Fact]
    public async Task The_auditor_exports_the_whole_batch_record_with_ballots_but_no_voter()
    {
        await using var service = await StartAsync();
        await ScoredAsync(service);
        string[] members = [Roles.Committee, .. AddCommittee(service, "c2")];
        await service.ReadAsync<JsonElement>(await service.PostJsonAsync($"{Url}/ballot", Roles.Hr, new { members, date = "2026-12-29" }), HttpStatusCode.Created);
        foreach (var candidate in await CandidatesAsync(service))
        {
            foreach (var member in members)
            {
                await service.ReadAsync<JsonElement>(await CastAsync(service, member, candidate, candidate.EmployeeId == "GP0006" ? "against" : "for"), HttpStatusCode.Created);
            }
        }

        await service.ReadAsync<JsonElement>(await service.PostJsonAsync($"{Url}/ballot/close", Roles.Hr, new { date = "2026-12-30" }));
        await service.ReadAsync<JsonElement>(await service.PostJsonAsync($"{Url}/publicity", Roles.Hr, new { }));
        var objection = await service.ReadAsync<JsonElement>(
            await service.PostJsonAsync($"{Url}/objections", Roles.Employee, new { reason = "反映其专利署名存在争议", date = "2027-01-05" }), HttpStatusCode.Created);
        await service.ReadAsync<JsonElement>(await service.PostJsonAsync(
            $"{Url}/objections/{objection.GetProperty("id").GetInt64()}/resolution", Roles.Hr, new { outcome = "dismissed", reason = "经核实无误", date = "2027-01-07" }));
        await service.ReadAsync<JsonElement>(await service.PostJsonAsync($"{Url}/issue", Roles.Hr, new { date = "2027-01-08" }));

        var response = await service.GetAsync($"{Url}/export", Roles.Auditor);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.GetAsync($"{Url}/export", Roles.Committee)).StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var names = zip.Entries.Select(e => e.FullName).ToList();
        foreach (var file in new[] { "batch.json", "decisions.csv", "scores.csv", "votes.csv", "ballot-committee.csv", "ballots.csv", "publicity.csv", "objections.csv", "notices.csv", "audit.csv", "verify.txt", "说明.txt" })
        {
            Assert.Contains(file, names);
        }

        Assert.Contains(names, n => n.StartsWith("files/issue/notices/review_result_notice_", StringComparison.Ordinal));
        Assert.Contains(names, n => n == "files/issue/归档清单.md");
        Assert.Contains("校验通过", Read(zip, "verify.txt"), StringComparison.Ordinal);
        Assert.Contains("经核实无误", Read(zip, "objections.csv"), StringComparison.Ordinal);
        Assert.Contains("异议不成立", Read(zip, "objections.csv"), StringComparison.Ordinal);
        var ballots = Read(zip, "ballots.csv");
        Assert.Contains("GP0006", ballots, StringComparison.Ordinal);
        Assert.DoesNotContain(members, m => ballots.Contains(m, StringComparison.Ordinal));
        Assert.Contains("ballot-cast", Read(zip, "audit.csv"), StringComparison.Ordinal);
        Assert.Contains(TestService.EmployeeId, Read(zip, "notices.csv"), StringComparison.Ordinal);

        // No whole 身份证号 for the auditor, anywhere in the record.
        var idNumbers = File.ReadLines(RepoPaths.Sample("rosters/ganpower/employees.csv")).Skip(1).Select(l => l.Split(',')[2]).Where(n => n.Length == 18).ToList();
        foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith(".xlsx", StringComparison.Ordinal)))
        {
            var text = Read(zip, entry.FullName);
            Assert.DoesNotContain(idNumbers, text.Contains);
        }
    }

    /// <summary>Through publicity with the sample vote sheet (GP0014 and GP0002 among those passed).</summary>
    private static async Task PublicizedAsync(TestService service)
    {
        await ScoredAsync(service);
        var sheet = new ByteArrayContent(File.ReadAllBytes(RepoPaths.Sample("review/votes.csv")));
        sheet.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        await service.ReadAsync<JsonElement>(await service.SendAsync(HttpMethod.Post, $"{Url}/votes?date=2026-12-30", Roles.Hr, new MultipartFormDataContent { { sheet, "file", "votes.csv" } }));
        await service.ReadAsync<JsonElement>(await service.PostJsonAsync($"{Url}/publicity", Roles.Hr, new { }));
    }

    private static async Task<List<string>> FilesAsync(TestService service)
    {
        var files = await service.ReadAsync<JsonElement>(await service.GetAsync($"{Url}/files", Roles.Hr));
        return [.. files.EnumerateArray().Select(f => f.GetString()!).Where(f => f.StartsWith("issue/", StringComparison.Ordinal))];
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }
}
