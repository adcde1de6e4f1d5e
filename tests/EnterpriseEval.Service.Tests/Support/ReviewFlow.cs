using System.Net;
using System.Text.Json;
using EnterpriseEval.Service.Security;

namespace EnterpriseEval.Service.Tests.Support;

/// <summary>A review batch of the ganpower sample brought through the API to a given step (samples/review/README.md).</summary>
internal static class ReviewFlow
{
    public const string Batch = "2026-工程";

    public static string Url => $"/api/v1/batches/{Uri.EscapeDataString(Batch)}";

    public static Task<TestService> StartAsync() => TestService.StartAsync(RepoPaths.Plugins("ganpower-supply"), authorisation: true);

    /// <summary>new, screen (the ganpower roster) and score, as HR.</summary>
    public static async Task ScoredAsync(TestService service)
    {
        var rosterId = await service.UploadRosterAsync(RepoPaths.Sample("rosters/ganpower"));
        await service.ReadAsync<JsonElement>(
            await service.PostJsonAsync("/api/v1/batches", Roles.Hr, new { name = Batch, year = 2026, series = "工程", levels = "助理级,中级" }), HttpStatusCode.Created);
        await service.ReadAsync<JsonElement>(await service.PostJsonAsync($"{Url}/screen", Roles.Hr, new { rosterId }));
        await service.ReadAsync<JsonElement>(await service.PostJsonAsync($"{Url}/score", Roles.Hr, new { }));
    }

    /// <summary>Committee accounts besides the test service's own (<c>committee</c>), each with an API token.</summary>
    public static IReadOnlyList<string> AddCommittee(TestService service, params string[] userNames)
    {
        foreach (var name in userNames)
        {
            service.AddAccount(name, Roles.Committee);
        }

        return userNames;
    }

    /// <summary>The candidates of the batch's ballot as (employeeId, path, targetLevel).</summary>
    public static async Task<List<(string EmployeeId, string Path, string TargetLevel)>> CandidatesAsync(TestService service)
    {
        var status = await service.ReadAsync<JsonElement>(await service.GetAsync($"{Url}/ballot", Roles.Hr));
        return [.. status.GetProperty("candidates").EnumerateArray().Select(c =>
            (c.GetProperty("employeeId").GetString()!, c.GetProperty("path").GetString()!, c.GetProperty("targetLevel").GetString()!))];
    }

    public static Task<HttpResponseMessage> CastAsync(TestService service, string member, (string EmployeeId, string Path, string TargetLevel) c, string choice) =>
        service.PostJsonAsync($"{Url}/ballot/votes", member, new { employeeId = c.EmployeeId, path = c.Path, targetLevel = c.TargetLevel, choice });
}
