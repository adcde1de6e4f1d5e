using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Tests.Support;
using EnterpriseEval.Tests.Shared;
using EnterpriseEval.Workflow.Generation;
using EnterpriseEval.Workflow.Review.Store;
using Xunit.Abstractions;

namespace EnterpriseEval.Service.Tests;

/// <summary>
/// Two real <c>eeval serve</c> processes on one PostgreSQL database and one data folder behave as one (docs/service.md,
/// "Several instances"): started at the same moment with <c>--demo</c> on the empty database (one seeds it); a session
/// opened on one is a session on the other; 20 committee members cast their ballots on every candidate of a batch with
/// their requests alternating between the two, at once; two officers start the same step at the same instant on
/// different instances (score, then closing the ballot): it runs once; one instance is killed (SIGKILL) in the middle of a
/// screening job and the other finishes it. Afterwards <c>eeval review verify</c> passes and the batch (candidates, tally,
/// publicity list, notices) and the screening's results equal those of the same history on a single instance and
/// another fresh database. Everything on loopback; every loop bounded in count and time.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class MultiInstanceTests(PostgresServer server, ITestOutputHelper log)
{
    private const string Batch = "2026-多实例";
    private const int Members = 20;

    // 740 generated employees (seed 11) give 204 candidates of the batch's scope (engineering, 助理级 and 中级).
    private const int BatchEmployees = 740;

    // Large enough for the screening job to be caught running on this 2-core machine (a few seconds).
    private const int JobEmployees = 100_000;

    private static readonly string[] MemberNames = [.. Enumerable.Range(1, Members).Select(i => $"m{i:D2}")];

    [Fact]
    public async Task Two_eeval_serve_processes_on_one_database_behave_as_one_instance()
    {
        var clock = Stopwatch.StartNew();
        using var bounded = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = bounded.Token;
        using var folder = new TempFolder();
        var eeval = CopyEeval(Path.Combine(folder.Path, "eeval"));
        var database = server.CreateDatabase();
        var environment = new Dictionary<string, string>
        {
            ["EEVAL_EnterpriseEval__Store__Provider"] = "postgres",
            ["EEVAL_EnterpriseEval__Store__ConnectionString"] = database,
            ["EEVAL_EnterpriseEval__Review__AuditKey"] = AuditKey.NewText(),
            ["EEVAL_EnterpriseEval__Service__DataDirectory"] = Path.Combine(folder.Path, "data"),
            ["EEVAL_EnterpriseEval__Service__JobHeartbeatSeconds"] = "0.5",
            // Twelve missed beats before a job counts as abandoned: a live instance slowed down by the rest of the suite
            // is not taken for the killed one.
            ["EEVAL_EnterpriseEval__Service__JobTimeoutSeconds"] = "6",
            ["EEVAL_EnterpriseEval__Service__JobSweepSeconds"] = "0.5",
            ["EEVAL_EnterpriseEval__Service__JobPollSeconds"] = "0.5",
        };

        // Both started at once on the empty database, both asked to seed the demo.
        await using var a = ServeProcess.Start("A", eeval, environment);
        await using var b = ServeProcess.Start("B", eeval, environment);
        await Task.WhenAll(a.WaitStartedAsync(ct), b.WaitStartedAsync(ct));
        Phase(clock, "both instances started");
        var seeded = new[] { a, b }.Where(p => Password().IsMatch(p.Output)).ToList();
        Assert.True(seeded.Count == 1, $"exactly one instance seeds the demo.\nA:\n{a.Output}\nB:\n{b.Output}");
        Assert.Contains("已有账户或批次", (seeded[0] == a ? b : a).Output);
        var passwords = Password().Matches(seeded[0].Output).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
        Assert.Equal(5, passwords.Count);

        var tokens = await BootstrapAsync(a, b, passwords["admin"], ct);
        Phase(clock, "accounts and tokens (a session of A used on B)");

        // The demo's screening job, run by whichever instance claimed it, shows the same results on both.
        var demoJob = (await Read(await Send(b, HttpMethod.Get, "/api/v1/screenings", tokens["hr"], ct: ct))).EnumerateArray().Single().GetProperty("id").GetString()!;
        await WaitForJobAsync(a, tokens["hr"], demoJob, ct);
        Assert.Equal(
            await (await Send(a, HttpMethod.Get, $"/api/v1/screenings/{demoJob}/decisions?pageSize=500", tokens["hr"], ct: ct)).Content.ReadAsStringAsync(ct),
            await (await Send(b, HttpMethod.Get, $"/api/v1/screenings/{demoJob}/decisions?pageSize=500", tokens["hr"], ct: ct)).Content.ReadAsStringAsync(ct));

        using var rosters = new TempFolder();
        var batchRoster = Path.Combine(rosters.Path, "batch");
        RosterGenerator.Generate(new GenerationRequest(BatchEmployees, 11, batchRoster));
        var twoInstances = await RunHistoryAsync(k => k % 2 == 0 ? a.Http : b.Http, user => tokens[user], batchRoster, ct);
        Phase(clock, $"review history on two instances: {twoInstances.Candidates} candidates, {twoInstances.Casts} ballots");

        // Every ballot counted once, the step run once, the chain one chain.
        Assert.True(twoInstances.Candidates >= 200, $"only {twoInstances.Candidates} candidates");
        Assert.Equal(Members * twoInstances.Candidates, twoInstances.Casts);
        Assert.Equal(1, twoInstances.Steps.GetValueOrDefault("score"));
        Assert.Equal(1, twoInstances.Steps.GetValueOrDefault("vote"));
        Assert.Equal(1, twoInstances.Steps.GetValueOrDefault("ballot-open"));
        Assert.Equal(Members * twoInstances.Candidates, twoInstances.Steps.GetValueOrDefault("ballot-cast"));
        Assert.Equal(Members * twoInstances.Candidates, twoInstances.DistinctCastEntries);

        // One instance killed in the middle of a screening job; the other finishes it (or fails it, saying why).
        var jobRoster = Path.Combine(rosters.Path, "job");
        RosterGenerator.Generate(new GenerationRequest(JobEmployees, 5, jobRoster));
        var jobRosterId = await UploadAsync(a.Http, tokens["hr"], jobRoster, ct);
        var started = await Read(await Send(a, HttpMethod.Post, "/api/v1/screenings", tokens["hr"], new { rosterId = jobRosterId, asOf = "2026-12-31" }, ct: ct), HttpStatusCode.Accepted);
        var jobId = started.GetProperty("id").GetString()!;
        var (owner, victim) = await CatchRunningAsync(a, b, tokens["hr"], jobId, ct);
        victim.Kill();
        var survivor = victim == a ? b : a;
        Phase(clock, $"instance {victim.Name} ({owner}) killed while running job {jobId}");
        var ended = await WaitForJobAsync(survivor, tokens["hr"], jobId, ct);
        Phase(clock, $"job {jobId} ended on {survivor.Name}: {ended.GetProperty("state").GetString()}");
        Assert.Contains($"运行该任务的服务实例已停止（实例 {owner}", ended.GetProperty("message").GetString());
        string? jobCsv = null;
        if (ended.GetProperty("state").GetString() == "completed")
        {
            // Every employee but the generator's few planted bad rows.
            Assert.InRange(ended.GetProperty("counts").GetProperty("employees").GetInt32(), JobEmployees * 99 / 100, JobEmployees);
            jobCsv = await (await Send(survivor, HttpMethod.Get, $"/api/v1/screenings/{jobId}/results/csv", tokens["hr"], ct: ct)).Content.ReadAsStringAsync(ct);
        }
        else
        {
            Assert.Equal("failed", ended.GetProperty("state").GetString());
            Assert.Contains("运行该任务的服务实例已停止", ended.GetProperty("error").GetProperty("detail").GetString());
            Assert.Contains("任务未完成", ended.GetProperty("error").GetProperty("detail").GetString());
        }

        Assert.DoesNotContain(
            (await Read(await Send(survivor, HttpMethod.Get, "/api/v1/screenings", tokens["hr"], ct: ct))).EnumerateArray(),
            j => j.GetProperty("state").GetString() is "running" or "queued");

        // `review verify` on the database, as an auditor would run it.
        var verify = await RunEevalAsync(eeval, environment, ["review", "verify", "--store", "postgres:" + database], ct);
        Assert.True(verify.Code == 0, verify.Output);
        Assert.Contains("校验通过", verify.Output);
        Phase(clock, "review verify passed");

        // The same history on one instance and a fresh database gives the same batch and the same screening results.
        await using var single = await TestService.StartAsync(authorisation: true, store: "postgres:" + server.CreateDatabase());
        foreach (var name in MemberNames)
        {
            single.AddAccount(name, Roles.Committee);
        }

        single.AddAccount("hr2", Roles.Hr);
        var oneInstance = await RunHistoryAsync(_ => single.Client, single.Token, batchRoster, ct);
        Phase(clock, "the same history on one instance");
        Assert.Equal(oneInstance.Decisions, twoInstances.Decisions);
        Assert.Equal(oneInstance.Votes, twoInstances.Votes);
        Assert.Equal(oneInstance.Publicity, twoInstances.Publicity);
        Assert.Equal(oneInstance.Notices, twoInstances.Notices);
        Assert.Equal(oneInstance.Steps, twoInstances.Steps);
        if (jobCsv is not null)
        {
            var reference = await single.ScreenAsync(await single.UploadRosterAsync(jobRoster));
            Assert.Equal(reference.GetProperty("counts").ToString(), ended.GetProperty("counts").ToString());
            Assert.Equal(
                await (await single.GetAsync($"/api/v1/screenings/{reference.GetProperty("id").GetString()}/results/csv", Roles.Hr)).Content.ReadAsStringAsync(ct),
                jobCsv);
            Phase(clock, "the job's results equal a screening on one instance");
        }
    }

    /// <summary>
    /// The review of a batch through the API, the same on any set of instances: request k goes to
    /// <paramref name="client"/>(k). Two officers start <c>score</c> and close the ballot at the same instant on clients 0
    /// and 1; the committee's ballots go out eight at a time.
    /// </summary>
    private static async Task<History> RunHistoryAsync(Func<int, HttpClient> client, Func<string, string> token, string roster, CancellationToken ct)
    {
        var url = $"/api/v1/batches/{Uri.EscapeDataString(Batch)}";
        var rosterId = await UploadAsync(client(1), token("hr"), roster, ct);
        await Read(await Send(client(0), HttpMethod.Post, "/api/v1/batches", token("hr"), new { name = Batch, year = 2026, series = "工程", levels = "助理级,中级", asOf = "2026-12-31" }, ct: ct), HttpStatusCode.Created);
        await Read(await Send(client(1), HttpMethod.Post, $"{url}/screen", token("hr"), new { rosterId }, ct: ct));

        await AtOnceAsync(
            () => Send(client(0), HttpMethod.Post, $"{url}/score", token("hr"), new { }, ct: ct),
            () => Send(client(1), HttpMethod.Post, $"{url}/score", token("hr2"), new { }, ct: ct),
            "已经完成业绩评分");

        await Read(await Send(client(0), HttpMethod.Post, $"{url}/ballot", token("hr"), new { members = MemberNames, date = "2026-12-28" }, ct: ct), HttpStatusCode.Created);
        var candidates = (await Read(await Send(client(1), HttpMethod.Get, $"{url}/ballot", token("hr"), ct: ct))).GetProperty("candidates").EnumerateArray()
            .Select(c => (EmployeeId: c.GetProperty("employeeId").GetString()!, Path: c.GetProperty("path").GetString()!, Level: c.GetProperty("targetLevel").GetString()!))
            .ToList();

        // Every member on every candidate, the members of one candidate one after another, alternating instances.
        var casts = candidates.SelectMany((c, j) => MemberNames.Select((m, i) => (Member: m, Candidate: c, Choice: Choice(i, j)))).ToList();
        var refused = new List<string>();
        await Parallel.ForEachAsync(
            casts.Select((cast, k) => (cast, k)),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
            async (item, token2) =>
            {
                var (cast, k) = item;
                using var answer = await Send(
                    client(k), HttpMethod.Post, $"{url}/ballot/votes", token(cast.Member),
                    new { employeeId = cast.Candidate.EmployeeId, path = cast.Candidate.Path, targetLevel = cast.Candidate.Level, choice = cast.Choice }, ct: token2);
                if (answer.StatusCode != HttpStatusCode.Created)
                {
                    var text = await answer.Content.ReadAsStringAsync(token2);
                    lock (refused)
                    {
                        refused.Add($"{cast.Member} {cast.Candidate}: {(int)answer.StatusCode} {text}");
                    }
                }
            });
        Assert.True(refused.Count == 0, string.Join('\n', refused.Take(10)));
        var turnout = (await Read(await Send(client(0), HttpMethod.Get, $"{url}/ballot", token("hr"), ct: ct))).GetProperty("members").EnumerateArray();
        Assert.All(turnout, m => Assert.Equal(candidates.Count, m.GetProperty("votedCandidates").GetInt32()));

        await AtOnceAsync(
            () => Send(client(0), HttpMethod.Post, $"{url}/ballot/close", token("hr"), new { date = "2026-12-30" }, ct: ct),
            () => Send(client(1), HttpMethod.Post, $"{url}/ballot/close", token("hr2"), new { date = "2026-12-30" }, ct: ct),
            "已经结束");

        await Read(await Send(client(1), HttpMethod.Post, $"{url}/publicity", token("hr"), new { start = "2026-12-31" }, ct: ct));
        await Read(await Send(client(0), HttpMethod.Post, $"{url}/issue", token("hr"), new { date = "2027-01-15" }, ct: ct));

        var detail = await Read(await Send(client(1), HttpMethod.Get, url, token("hr"), ct: ct));
        var votes = detail.GetProperty("votes").EnumerateArray().ToList();
        Assert.Equal(candidates.Count, votes.Count);
        for (var j = 0; j < candidates.Count; j++)
        {
            var vote = votes.Single(v => v.GetProperty("employeeId").GetString() == candidates[j].EmployeeId && v.GetProperty("path").GetString() == candidates[j].Path
                && v.GetProperty("targetLevel").GetString() == candidates[j].Level);
            var expected = MemberNames.Select((_, i) => Choice(i, j)).ToList();
            Assert.Equal(
                (Members, Members, expected.Count(c => c == "for"), expected.Count(c => c == "against"), expected.Count(c => c == "abstain")),
                (vote.GetProperty("committee").GetInt32(), vote.GetProperty("present").GetInt32(), vote.GetProperty("for").GetInt32(),
                    vote.GetProperty("against").GetInt32(), vote.GetProperty("abstain").GetInt32()));
        }

        var audit = (await Read(await Send(client(0), HttpMethod.Get, $"{url}/audit", token("hr"), ct: ct))).EnumerateArray().ToList();
        var castEntries = audit.Where(e => e.GetProperty("step").GetString() == "ballot-cast").ToList();
        return new History(
            candidates.Count,
            casts.Count,
            audit.GroupBy(e => e.GetProperty("step").GetString()!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            castEntries.Select(e => e.GetProperty("user").GetString() + "|" + e.GetProperty("summary").GetString()).Distinct(StringComparer.Ordinal).Count(),
            detail.GetProperty("candidates").ToString(),
            detail.GetProperty("votes").ToString(),
            (await Read(await Send(client(0), HttpMethod.Get, $"{url}/publicity", token("hr"), ct: ct))).ToString(),
            string.Join('\n', detail.GetProperty("notices").EnumerateArray().Select(n =>
                $"{n.GetProperty("employeeId").GetString()}|{n.GetProperty("path").GetString()}|{n.GetProperty("targetLevel").GetString()}|{n.GetProperty("file").GetString()}")));
    }

    /// <summary>A member's choice on a candidate: mostly 赞成; some candidates get eight 反对 (and fail), a few 弃权.</summary>
    private static string Choice(int member, int candidate) =>
        candidate % 5 == 0 && member < 8 ? "against"
        : (member + candidate) % 13 == 0 ? "abstain"
        : (member * 3 + candidate) % 17 == 0 ? "against"
        : "for";

    /// <summary>Two officers start the same step at the same instant: exactly one runs it, the other is refused in Chinese.</summary>
    private static async Task AtOnceAsync(Func<Task<HttpResponseMessage>> first, Func<Task<HttpResponseMessage>> second, string refusal)
    {
        using var gate = new ManualResetEventSlim();
        var both = new[] { first, second }.Select(send => Task.Run(async () =>
        {
            gate.Wait();
            return await send();
        })).ToList();
        gate.Set();
        var answers = await Task.WhenAll(both);
        var texts = await Task.WhenAll(answers.Select(r => r.Content.ReadAsStringAsync()));
        Assert.True(
            answers.Count(r => r.IsSuccessStatusCode) == 1 && answers.Count(r => r.StatusCode == HttpStatusCode.BadRequest) == 1,
            string.Join('\n', answers.Select((r, i) => $"{(int)r.StatusCode}: {texts[i]}")));
        Assert.Contains(refusal, texts[Array.FindIndex(answers, r => !r.IsSuccessStatusCode)]);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    /// <summary>
    /// Signs the demo admin in on A and uses that session on B (the cookie keys are in the shared data folder): an API
    /// token for the admin, then the accounts of the test — a second HR officer and the 20 members — each with a token.
    /// </summary>
    private static async Task<Dictionary<string, string>> BootstrapAsync(ServeProcess a, ServeProcess b, string adminPassword, CancellationToken ct)
    {
        using var signIn = await a.Http.PostAsJsonAsync("/api/v1/auth/sign-in", new { userName = "admin", password = adminPassword }, ct);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var session = Cookie(signIn, ServiceApp.CookieName) ?? throw new InvalidOperationException("no sign-in cookie");
        using var me = await Send(b, HttpMethod.Get, "/api/v1/auth/me", null, cookie: session, ct: ct);
        Assert.Equal("admin", (await Read(me)).GetProperty("userName").GetString());
        using var af = await Send(b, HttpMethod.Get, "/api/v1/auth/antiforgery", null, cookie: session, ct: ct);
        var antiforgery = Cookie(af, "eeval-af")!;
        var xsrf = (await Read(af)).GetProperty("token").GetString()!;
        using var issued = await Send(b, HttpMethod.Post, "/api/v1/tokens", null, new { userName = "admin", name = "测试" }, $"{session}; {antiforgery}", xsrf, ct);
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal) { ["admin"] = (await Read(issued, HttpStatusCode.Created)).GetProperty("token").GetString()! };

        var k = 0;
        foreach (var (name, role) in MemberNames.Select(m => (m, Roles.Committee)).Append(("hr2", Roles.Hr)))
        {
            var at = k++ % 2 == 0 ? a : b;
            await Read(await Send(at, HttpMethod.Post, "/api/v1/accounts", tokens["admin"], new { userName = name, displayName = $"测试{name}", role, password = TestService.Password }, ct: ct), HttpStatusCode.Created);
        }

        foreach (var name in MemberNames.Append("hr2").Append("hr"))
        {
            var at = k++ % 2 == 0 ? a : b;
            tokens[name] = (await Read(await Send(at, HttpMethod.Post, "/api/v1/tokens", tokens["admin"], new { userName = name, name = "测试" }, ct: ct), HttpStatusCode.Created))
                .GetProperty("token").GetString()!;
        }

        return tokens;
    }

    /// <summary>Waits (bounded) for the job to run with progress; answers its instance and the process running it.</summary>
    private static async Task<(string Owner, ServeProcess Process)> CatchRunningAsync(ServeProcess a, ServeProcess b, string token, string jobId, CancellationToken ct)
    {
        for (var i = 0; i < 2400; i++)
        {
            var status = await Read(await Send(a, HttpMethod.Get, $"/api/v1/screenings/{jobId}", token, ct: ct));
            var state = status.GetProperty("state").GetString();
            Assert.True(state is "queued" or "running", $"job {jobId} ended before it could be caught running: {status}");
            if (state == "running" && status.GetProperty("done").GetInt32() > 0 && status.GetProperty("instance").GetString() is { } owner)
            {
                // The instance is host:process:random.
                var pid = int.Parse(owner.Split(':')[^2], System.Globalization.CultureInfo.InvariantCulture);
                return (owner, pid == a.Pid ? a : pid == b.Pid ? b : throw new InvalidOperationException($"job {jobId} runs on {owner}, not A ({a.Pid}) or B ({b.Pid})"));
            }

            await Task.Delay(25, ct);
        }

        throw new TimeoutException($"job {jobId} was not seen running within a minute");
    }

    private static async Task<JsonElement> WaitForJobAsync(ServeProcess at, string token, string jobId, CancellationToken ct)
    {
        for (var i = 0; i < 1200; i++)
        {
            var status = await Read(await Send(at, HttpMethod.Get, $"/api/v1/screenings/{jobId}", token, ct: ct));
            if (status.GetProperty("state").GetString() is not ("queued" or "running"))
            {
                return status;
            }

            await Task.Delay(100, ct);
        }

        throw new TimeoutException($"job {jobId} did not end within two minutes on {at.Name}");
    }

    private static async Task<string> UploadAsync(HttpClient client, string token, string folder, CancellationToken ct)
    {
        using var content = new MultipartFormDataContent();
        foreach (var file in Directory.EnumerateFiles(folder, "*.csv"))
        {
            content.Add(new ByteArrayContent(await File.ReadAllBytesAsync(file, ct)), "files", Path.GetFileName(file));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/rosters") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var answer = await client.SendAsync(request, ct);
        return (await Read(answer, HttpStatusCode.Created)).GetProperty("roster").GetProperty("id").GetString()!;
    }

    private static Task<HttpResponseMessage> Send(
        ServeProcess at, HttpMethod method, string url, string? token, object? body = null, string? cookie = null, string? xsrf = null, CancellationToken ct = default) =>
        Send(at.Http, method, url, token, body, cookie, xsrf, ct);

    private static Task<HttpResponseMessage> Send(
        HttpClient client, HttpMethod method, string url, string? token, object? body = null, string? cookie = null, string? xsrf = null, CancellationToken ct = default)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        if (xsrf is not null)
        {
            request.Headers.Add("X-XSRF-TOKEN", xsrf);
        }

        return client.SendAsync(request, ct);
    }

    private static async Task<JsonElement> Read(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return JsonSerializer.Deserialize<JsonElement>(text);
    }

    private static string? Cookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).FirstOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal))
            : null;

    /// <summary>The eeval build output copied aside (a build of another project cannot change it under the servers).</summary>
    private static string CopyEeval(string to)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var from = Path.Combine(RepoPaths.Root, "host", "EnterpriseEval.Host", "bin", output.Parent!.Name, output.Name);
        Assert.True(File.Exists(Path.Combine(from, "eeval.dll")), $"eeval.dll not found in {from}: build the solution first");
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        return Path.Combine(to, "eeval.dll");
    }

    private static async Task<(int Code, string Output)> RunEevalAsync(string eeval, IReadOnlyDictionary<string, string> environment, string[] arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepoPaths.Root };
        foreach (var argument in arguments.Prepend(eeval))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output + await error);
    }

    private void Phase(Stopwatch clock, string what) => log.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s  {what}");

    // "用户名 admin      密码 Abc…" as `eeval serve --demo` prints the accounts once.
    [GeneratedRegex(@"用户名 (\S+)\s+密码 ([^\s（]+)")]
    private static partial Regex Password();

    [GeneratedRegex(@"已启动：(http://127\.0\.0\.1:\d+)")]
    private static partial Regex Started();

    /// <summary>What a history on some instances produced, compared as data (no times, no hashes of the chain).</summary>
    private sealed record History(
        int Candidates, int Casts, Dictionary<string, int> Steps, int DistinctCastEntries, string Decisions, string Votes, string Publicity, string Notices);

    /// <summary>A real <c>eeval serve --port 0 --demo</c> process on loopback; killed when disposed, whatever happened.</summary>
    private sealed class ServeProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly Lock _gate = new();

        private ServeProcess(string name, Process process)
        {
            Name = name;
            _process = process;
        }

        public string Name { get; }

        public int Pid => _process.Id;

        public HttpClient Http { get; } = new(new SocketsHttpHandler { MaxConnectionsPerServer = 16, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(100) };

        public string Output
        {
            get
            {
                lock (_gate)
                {
                    return _output.ToString();
                }
            }
        }

        public static ServeProcess Start(string name, string eeval, IReadOnlyDictionary<string, string> environment)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = RepoPaths.Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            foreach (var argument in new[] { eeval, "serve", "--port", "0", "--demo", "--config", RepoPaths.Sample("review/review.json") })
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }

            start.Environment["DOTNET_NOLOGO"] = "1";
            var process = Process.Start(start) ?? throw new InvalidOperationException("eeval serve did not start");
            var serve = new ServeProcess(name, process);
            process.OutputDataReceived += (_, e) => serve.Append(e.Data);
            process.ErrorDataReceived += (_, e) => serve.Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return serve;
        }

        public async Task WaitStartedAsync(CancellationToken ct)
        {
            for (var i = 0; i < 1200; i++)
            {
                if (Started().Match(Output) is { Success: true } started)
                {
                    Http.BaseAddress = new Uri(started.Groups[1].Value);
                    return;
                }

                if (_process.HasExited)
                {
                    break;
                }

                await Task.Delay(100, ct);
            }

            throw new InvalidOperationException($"eeval serve {Name} did not start within two minutes:\n{Output}");
        }

        /// <summary>SIGKILL: the process ends at once, without running any of its shutdown.</summary>
        public void Kill()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(30_000);
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                try
                {
                    await _process.WaitForExitAsync(wait.Token);
                }
                catch (OperationCanceledException)
                {
                    // Best effort.
                }
            }

            _process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_gate)
            {
                _output.AppendLine(line);
            }
        }
    }
}
