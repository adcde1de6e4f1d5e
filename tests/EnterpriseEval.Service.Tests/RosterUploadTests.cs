using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Tests.Support;
using MiniExcelLibs;

namespace EnterpriseEval.Service.Tests;

/// <summary>
/// Roster uploads (docs/service.md, "Uploading a roster"): CSV files, a zip of a roster folder, a workbook; and every
/// bad upload answered with a problem and nothing stored, not even half-way.
/// </summary>
public sealed class RosterUploadTests
{
    [Fact]
    public async Task CSV_files_are_stored_read_and_counted()
    {
        await using var service = await TestService.StartAsync();

        var upload = await service.ReadAsync<JsonElement>(await service.UploadFolderAsync(RepoPaths.Sample("rosters/ganpower")), HttpStatusCode.Created);

        var roster = upload.GetProperty("roster");
        Assert.Equal("csv", roster.GetProperty("kind").GetString());
        Assert.Equal(32, roster.GetProperty("employees").GetInt32());
        var id = roster.GetProperty("id").GetString()!;
        var again = await service.ReadAsync<JsonElement>(await service.GetAsync($"/api/v1/rosters/{id}", Roles.Hr));
        Assert.Equal(32, again.GetProperty("employees").GetInt32());
        Assert.Equal([id], service.RosterFolderEntries());
    }

    [Fact]
    public async Task A_zip_of_a_roster_folder_is_unpacked_and_read()
    {
        await using var service = await TestService.StartAsync();
        var zip = Zip(Directory.EnumerateFiles(RepoPaths.Sample("rosters/ganpower")).Select(f => ($"ganpower/{Path.GetFileName(f)}", File.ReadAllBytes(f))));

        var upload = await service.ReadAsync<JsonElement>(await Upload(service, ("roster.zip", zip, "application/zip")), HttpStatusCode.Created);

        Assert.Equal("zip", upload.GetProperty("roster").GetProperty("kind").GetString());
        Assert.Equal(32, upload.GetProperty("roster").GetProperty("employees").GetInt32());
    }

    [Fact]
    public async Task A_workbook_is_read_by_the_engines_workbook_reader()
    {
        await using var service = await TestService.StartAsync();
        using var folder = new TempFolder();
        var workbook = Path.Combine(folder.Path, "花名册.xlsx");
        object?[][] rows =
        [
            ["工号", "姓名", "入职日期", "岗位类别", "是否一线"],
            ["E1", "甲", new DateTime(2015, 3, 1), "技能", "是"],
            ["E2", "乙", new DateTime(2010, 3, 1), "技能", "否"],
        ];
        MiniExcel.SaveAs(workbook, rows.Select(r => r.Select((v, i) => (i, v)).ToDictionary(c => $"c{c.i}", c => c.v)), printHeader: false, sheetName: "员工");

        var upload = await service.ReadAsync<JsonElement>(
            await Upload(service, ("花名册.xlsx", File.ReadAllBytes(workbook), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")), HttpStatusCode.Created);

        Assert.Equal("xlsx", upload.GetProperty("roster").GetProperty("kind").GetString());
        Assert.Equal(2, upload.GetProperty("roster").GetProperty("employees").GetInt32());
    }

    [Fact]
    public async Task Rejected_rows_are_listed_with_file_row_and_column_and_the_id_number_masked()
    {
        await using var service = await TestService.StartAsync();
        var employees = "employee_id,name,id_number,hire_date,post_category,frontline\nE1,甲,360102197004120379,not-a-date,skill,yes\nE2,乙,,2015-03-01,skill,yes\n";

        var upload = await service.ReadAsync<JsonElement>(await Upload(service, ("employees.csv", Encoding.UTF8.GetBytes(employees), "text/csv")), HttpStatusCode.Created);

        var reject = upload.GetProperty("rejectedRows").EnumerateArray().First();
        Assert.Equal("employees.csv", reject.GetProperty("file").GetString());
        Assert.Equal(2, reject.GetProperty("row").GetInt32());
        Assert.False(string.IsNullOrEmpty(reject.GetProperty("column").GetString()));
        Assert.DoesNotContain("360102197004120379", upload.ToString());
    }

    [Fact]
    public async Task A_malformed_roster_is_a_problem_naming_file_row_and_column_and_nothing_is_stored()
    {
        await using var service = await TestService.StartAsync();
        var employees = "employee_id,name,post_category,frontline\nE1,甲,skill,yes\n";

        var answer = await Upload(service, ("employees.csv", Encoding.UTF8.GetBytes(employees), "text/csv"));

        var problem = await service.ReadAsync<JsonElement>(answer, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Equal("花名册有误", problem.GetProperty("title").GetString());
        Assert.Contains("缺少必需列", problem.GetProperty("detail").GetString());
        var where = problem.GetProperty("roster");
        Assert.Equal("employees.csv", where.GetProperty("file").GetString());
        Assert.Equal(1, where.GetProperty("row").GetInt32());
        Assert.Contains("hire_date", where.GetProperty("column").GetString());
        Assert.Empty(service.RosterFolderEntries());
    }

    [Fact]
    public async Task A_file_that_is_neither_UTF8_nor_GB18030_names_its_row()
    {
        await using var service = await TestService.StartAsync();
        byte[] employees = [.. Encoding.UTF8.GetBytes("employee_id,name,hire_date,post_category,frontline\nE1,"), 0x81, 0x20, 0xFF, .. Encoding.UTF8.GetBytes(",2015-03-01,skill,yes\n")];

        var problem = await service.ReadAsync<JsonElement>(await Upload(service, ("employees.csv", employees, "text/csv")), HttpStatusCode.UnprocessableEntity);

        Assert.Equal("employees.csv", problem.GetProperty("roster").GetProperty("file").GetString());
        Assert.Equal(2, problem.GetProperty("roster").GetProperty("row").GetInt32());
        Assert.Empty(service.RosterFolderEntries());
    }

    [Fact]
    public async Task A_request_over_the_size_limit_is_refused_with_413_and_nothing_is_stored()
    {
        await using var service = await TestService.StartAsync(settings: new Dictionary<string, string?> { ["EnterpriseEval:Service:MaxUploadBytes"] = "4096" });

        var answer = await Upload(service, ("employees.csv", Encoding.UTF8.GetBytes("employee_id,name\n" + new string('x', 10_000)), "text/csv"));

        var problem = await service.ReadAsync<JsonElement>(answer, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("上传内容过大", problem.GetProperty("title").GetString());
        Assert.Contains("MaxUploadBytes", problem.GetProperty("detail").GetString());
        Assert.Empty(service.RosterFolderEntries());
    }

    [Fact]
    public async Task A_body_longer_than_it_declared_is_cut_off_at_the_limit_too()
    {
        await using var service = await TestService.StartAsync(settings: new Dictionary<string, string?> { ["EnterpriseEval:Service:MaxUploadBytes"] = "4096" });
        var content = new MultipartFormDataContent();
        content.Add(new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("employee_id,name\n" + new string('x', 10_000)))), "files", "employees.csv");
        var request = service.Request(HttpMethod.Post, "/api/v1/rosters", Roles.Hr, content);
        await content.LoadIntoBufferAsync();
        content.Headers.ContentLength = null;
        request.Headers.TransferEncodingChunked = true;

        var answer = await service.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        Assert.Empty(service.RosterFolderEntries());
    }

    [Fact]
    public async Task Too_many_files_are_refused()
    {
        await using var service = await TestService.StartAsync(settings: new Dictionary<string, string?> { ["EnterpriseEval:Service:MaxUploadFiles"] = "3" });
        var zip = Zip(Enumerable.Range(0, 5).Select(i => ($"r/t{i}.csv", Encoding.UTF8.GetBytes("a\n1\n"))));

        var answer = await Upload(service, ("r.zip", zip, "application/zip"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        Assert.Contains("MaxUploadFiles", await answer.Content.ReadAsStringAsync());
        Assert.Empty(service.RosterFolderEntries());
    }

    [Theory]
    [InlineData("../employees.csv")]
    [InlineData("roster/../../employees.csv")]
    [InlineData("/etc/employees.csv")]
    [InlineData("roster\\..\\employees.csv")]
    public async Task A_zip_entry_that_climbs_out_of_the_folder_refuses_the_whole_upload(string entry)
    {
        await using var service = await TestService.StartAsync();
        var zip = Zip([(entry, Encoding.UTF8.GetBytes("employee_id,name\n")), ("titles.csv", Encoding.UTF8.GetBytes("employee_id\n"))]);

        var answer = await Upload(service, ("roster.zip", zip, "application/zip"));

        var problem = await service.ReadAsync<JsonElement>(answer, HttpStatusCode.BadRequest);
        Assert.Contains("路径不安全", problem.GetProperty("detail").GetString());
        Assert.Empty(service.RosterFolderEntries());
        Assert.False(File.Exists(Path.Combine(service.DataFolder, "employees.csv")));
    }

    [Fact]
    public async Task A_zip_that_expands_past_the_limit_is_refused_as_a_zip_bomb()
    {
        await using var service = await TestService.StartAsync(settings: new Dictionary<string, string?> { ["EnterpriseEval:Service:MaxExpandedBytes"] = "100000" });
        var zip = Zip([("r/employees.csv", new byte[1_000_000])]);
        Assert.True(zip.Length < 10_000);

        var answer = await Upload(service, ("bomb.zip", zip, "application/zip"));

        var problem = await service.ReadAsync<JsonElement>(answer, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("MaxExpandedBytes", problem.GetProperty("detail").GetString());
        Assert.Empty(service.RosterFolderEntries());
    }

    [Fact]
    public async Task A_body_that_is_not_multipart_is_415_and_a_file_of_another_kind_too()
    {
        await using var service = await TestService.StartAsync();

        var json = await service.PostJsonAsync("/api/v1/rosters", Roles.Hr, new { employees = "x" });
        var problem = await service.ReadAsync<JsonElement>(json, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("不支持的内容类型", problem.GetProperty("title").GetString());
        var pdf = await Upload(service, ("roster.pdf", [1, 2, 3], "application/pdf"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, pdf.StatusCode);
        Assert.Empty(service.RosterFolderEntries());
    }

    [Fact]
    public async Task An_unknown_or_path_like_roster_id_is_404()
    {
        await using var service = await TestService.StartAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await service.GetAsync("/api/v1/rosters/r0123456789abcdef", Roles.Hr)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.GetAsync("/api/v1/rosters/..%2F..%2Fetc", Roles.Hr)).StatusCode);
    }

    [Fact]
    public async Task An_upload_is_recorded_in_the_audit_chain_with_the_acting_account()
    {
        await using var service = await TestService.StartAsync();

        var id = await service.UploadRosterAsync(RepoPaths.Sample("rosters/ganpower"));

        using var store = Store.Open(service);
        Assert.Contains(store.Audit(null), e => e.Step == "upload" && e.User == Roles.Hr && e.Detail.Contains(id, StringComparison.Ordinal));
    }

    private static Task<HttpResponseMessage> Upload(TestService service, params (string Name, byte[] Bytes, string Type)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, bytes, type) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(type);
            content.Add(part, "files", name);
        }

        return service.SendAsync(HttpMethod.Post, "/api/v1/rosters", Roles.Hr, content);
    }

    private static byte[] Zip(IEnumerable<(string Name, byte[] Bytes)> entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(bytes);
            }
        }

        return buffer.ToArray();
    }
}
