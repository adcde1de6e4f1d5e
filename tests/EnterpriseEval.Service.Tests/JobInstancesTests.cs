using System.Net;
using System.Text.Json;
using EnterpriseEval.Service.Screening;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Tests.Support;
using EnterpriseEval.Workflow.Generation;
using EnterpriseEval.Workflow.Review;
using EnterpriseEval.Workflow.Review.Store;
using Microsoft.Extensions.DependencyInjection;

namespace EnterpriseEval.Service.Tests;

/// <summary>
/// Screening jobs kept in the store and shared by the service's instances (docs/service.md, "Several instances"), in
/// one process: two services on one store and data folder, and jobs left "running" by instances that stopped. The
/// same with two real <c>eeval serve</c> processes on PostgreSQL: MultiInstanceTests.
/// </summary>
public sealed class JobInstancesTests
{
    [Fact]
    public async Task A_job_whose_instance_stopped_is_run_again_by_a_live_one_and_after_its_last_attempt_fails_with_the_reason()
    {
        // This instance claims only when woken (by its own sweep), so the test can play the stopped instances itself.
        await using var service = await TestService.StartAsync(settings: Fast(poll: 3600));
        var rosterId = await service.UploadRosterAsync(RepoPaths.Sample("rosters/demo"));
        var at = DateTimeOffset.UtcNow;
        using (var store = Store.Open(service))
        {
            // Started by an instance that stopped, queued again, started by another one that stopped too.
            store.CreateJob(Job("s00000000000000b1", rosterId, at), new AuditDraft("screening", Roles.Hr, "开始筛查 b1"));
            var first = store.ClaimJob("screening", "gone-host:101:aaaaaa", at)!;
            Assert.True(store.TakeOverJob(first.Id, first.Owner!, first.Beats, null, "重新排队", at));
            Assert.Equal(2, store.ClaimJob("screening", "gone-host:102:bbbbbb", at)!.Attempts);

            // Started once by an instance that stopped.
            store.CreateJob(Job("s00000000000000a1", rosterId, at.AddSeconds(1)), new AuditDraft("screening", Roles.Hr, "开始筛查 a1"));
            Assert.Equal(1, store.ClaimJob("screening", "gone-host:103:cccccc", at)!.Attempts);
        }

        var resumed = await service.WaitAsync("s00000000000000a1");
        var failed = await service.WaitAsync("s00000000000000b1");

        Assert.Equal("completed", resumed.GetProperty("state").GetString());
        Assert.Equal(2, resumed.GetProperty("attempts").GetInt32());
        Assert.Contains("运行该任务的服务实例已停止（实例 gone-host:103:cccccc", resumed.GetProperty("message").GetString());
        Assert.Contains("重新排队", resumed.GetProperty("message").GetString());
        Assert.True(resumed.GetProperty("counts").GetProperty("employees").GetInt32() > 0);
        Assert.Equal(HttpStatusCode.OK, (await service.GetAsync("/api/v1/screenings/s00000000000000a1/decisions", Roles.Hr)).StatusCode);

        Assert.Equal("failed", failed.GetProperty("state").GetString());
        var error = failed.GetProperty("error");
        Assert.Equal("服务实例已停止", error.GetProperty("title").GetString());
        Assert.Contains("运行该任务的服务实例已停止（实例 gone-host:102:bbbbbb", error.GetProperty("detail").GetString());
        Assert.Contains("任务未完成", error.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await service.GetAsync("/api/v1/screenings/s00000000000000b1/decisions", Roles.Hr)).StatusCode);
        using var after = Store.Open(service);
        Assert.DoesNotContain(after.Jobs("screening"), j => j.State is JobStates.Running or JobStates.Queued);
        Assert.Empty(after.Verify());
    }

    [Fact]
    public async Task Two_instances_on_one_store_see_the_same_jobs_and_results_take_each_others_cookies_and_cancel_each_others_jobs()
    {
        // A holds the long job below "running, with progress" until it is stopped, so the cancel cannot come too late.
        var hold = new JobHold(armed: false);
        await using var a = await TestService.StartAsync(settings: Fast(timeout: 60), services: hold.On("a"));
        // B never polls: whatever A is asked to start, A runs, and B shows it from the store and the shared data folder.
        await using var b = await TestService.StartAsync(settings: Fast(poll: 3600, timeout: 60), shareWith: a);
        var rosterId = await a.UploadRosterAsync(RepoPaths.Sample("rosters/ganpower"));

        var status = await a.ScreenAsync(rosterId);
        var id = status.GetProperty("id").GetString()!;

        Assert.Equal("completed", status.GetProperty("state").GetString());
        var onB = await b.ReadAsync<JsonElement>(await b.GetAsync($"/api/v1/screenings/{id}", Roles.Auditor));
        Assert.Equal(status.GetProperty("counts").ToString(), onB.GetProperty("counts").ToString());
        var pageA = await (await a.GetAsync($"/api/v1/screenings/{id}/decisions?pageSize=500", Roles.Hr)).Content.ReadAsStringAsync();
        var pageB = await (await b.GetAsync($"/api/v1/screenings/{id}/decisions?pageSize=500", Roles.Hr)).Content.ReadAsStringAsync();
        Assert.Equal(pageA, pageB);
        Assert.Contains(TestService.EmployeeId, pageB);
        Assert.Equal(
            await (await a.GetAsync($"/api/v1/screenings/{id}/employees/GP0002", Roles.Hr)).Content.ReadAsStringAsync(),
            await (await b.GetAsync($"/api/v1/screenings/{id}/employees/GP0002", Roles.Hr)).Content.ReadAsStringAsync());
        var mine = await b.ReadAsync<JsonElement>(await b.GetAsync("/api/v1/me/screening", Roles.Employee));
        Assert.Equal(TestService.EmployeeId, mine.GetProperty("employee").GetProperty("employeeId").GetString());
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync($"/api/v1/screenings/{id}/notices/{TestService.EmployeeId}?kind=screening_result_notice", Roles.Hr)).StatusCode);

        // A session opened on A is a session on B: the keys that protect the cookie are in the shared data folder.
        var (cookie, _) = await a.SignInAsync(Roles.Hr, TestService.Password);
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        me.Headers.Add("Cookie", cookie);
        var who = await b.ReadAsync<JsonElement>(await b.Client.SendAsync(me));
        Assert.Equal(Roles.Hr, who.GetProperty("userName").GetString());

        // A long job A runs, cancelled through B: A sees the request at its next heartbeat.
        using var folder = new TempFolder();
        RosterGenerator.Generate(new GenerationRequest(40_000, 7, folder.Path));
        var large = await a.UploadRosterAsync(folder.Path);
        hold.Arm();
        var started = await a.ReadAsync<JsonElement>(await a.PostJsonAsync("/api/v1/screenings", Roles.Hr, new { rosterId = large }), HttpStatusCode.Accepted);
        var longId = started.GetProperty("id").GetString()!;
        Assert.Equal("a", await hold.HeldOnAsync());
        Assert.Equal(HttpStatusCode.Accepted, (await b.SendAsync(HttpMethod.Post, $"/api/v1/screenings/{longId}/cancel", Roles.Hr)).StatusCode);

        var ended = await b.WaitAsync(longId);
        Assert.Equal("cancelled", ended.GetProperty("state").GetString());
        Assert.False(File.Exists(Path.Combine(a.DataFolder, "screenings", longId, "decisions.csv")));
        using var store = Store.Open(a);
        Assert.Single(store.Audit(null), e => e.Step == "screening-cancel");
        Assert.Empty(store.Verify());
    }

    [Fact]
    public async Task The_job_of_an_instance_that_stops_goes_back_to_the_queue_and_another_instance_finishes_it()
    {
        // Whichever instance claims the job holds it "running, with progress" until it is stopped, however fast the machine.
        var hold = new JobHold();
        // Both stay alive until the one holding the job stops gracefully: nothing here is taken over for lack of beats.
        await using var a = await TestService.StartAsync(settings: Fast(timeout: 60), services: hold.On("a"));
        await using var b = await TestService.StartAsync(settings: Fast(timeout: 60), shareWith: a, services: hold.On("b"));
        using var folder = new TempFolder();
        RosterGenerator.Generate(new GenerationRequest(40_000, 7, folder.Path));
        var rosterId = await a.UploadRosterAsync(folder.Path);
        var started = await a.ReadAsync<JsonElement>(await a.PostJsonAsync("/api/v1/screenings", Roles.Hr, new { rosterId }), HttpStatusCode.Accepted);
        var id = started.GetProperty("id").GetString()!;

        var holder = await hold.HeldOnAsync();
        var stopping = holder == "a" ? a : b;
        var survivor = stopping == a ? b : a;
        var owner = stopping.App.Services.GetRequiredService<ServiceInstance>().Id;
        var status = await survivor.ReadAsync<JsonElement>(await survivor.GetAsync($"/api/v1/screenings/{id}", Roles.Hr));
        Assert.True(status.GetProperty("state").GetString() == "running" && status.GetProperty("instance").GetString() == owner, status.ToString());

        // It stops (as on Ctrl+C or SIGTERM) while the job runs.
        await stopping.App.StopAsync();

        var ended = await survivor.WaitAsync(id);
        Assert.True(ended.GetProperty("state").GetString() == "completed" && ended.GetProperty("attempts").GetInt32() == 1, ended.ToString());
        Assert.Contains($"服务实例 {owner} 停止服务，任务已交回队列", ended.GetProperty("message").GetString());
        Assert.True(File.Exists(Path.Combine(survivor.DataFolder, "screenings", id, "decisions.csv")));
        Assert.True(ended.GetProperty("counts").GetProperty("employees").GetInt32() > 0);
    }

    /// <summary>
    /// Heartbeats, sweeps and polls of a fraction of a second; a job taken over after <paramref name="timeout"/> seconds
    /// without beats. One second suits jobs of instances that are gone (they never beat again); a test whose instances
    /// stay alive gives more, so that a live instance's heartbeat held up by the rest of the suite's load is not taken
    /// for a stopped one.
    /// </summary>
    internal static Dictionary<string, string?> Fast(double poll = 0.2, double timeout = 1) => new()
    {
        ["EnterpriseEval:Service:JobHeartbeatSeconds"] = "0.2",
        ["EnterpriseEval:Service:JobTimeoutSeconds"] = timeout.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["EnterpriseEval:Service:JobSweepSeconds"] = "0.2",
        ["EnterpriseEval:Service:JobPollSeconds"] = poll.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static StoredJob Job(string id, string rosterId, DateTimeOffset at) =>
        new(id, "screening", JobStates.Queued, rosterId, new DateOnly(2026, 12, 31), "{}", Roles.Hr, at, 0, null, null, 0, null, null, false, "排队", 0, 0, null, null, null, null);
}
