using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EnterpriseEval.Service;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Workflow.Review.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EnterpriseEval.Service.Tests.Support;

/// <summary>
/// <c>eeval serve</c> on an in-memory TestServer, built by the service's own app-building code on a private store, audit
/// key and data folder; one account and one API token per role.
/// </summary>
internal sealed class TestService : IAsyncDisposable
{
    public const string Password = "correct horse battery";

    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);

    private readonly bool _ownsFolder;

    private TestService(WebApplication app, string folder, bool ownsFolder)
    {
        App = app;
        Folder = folder;
        Client = app.GetTestClient();
        _ownsFolder = ownsFolder;
    }

    public WebApplication App { get; }

    public string Folder { get; }

    public HttpClient Client { get; }

    public string StorePath => Path.Combine(Folder, "review.db");

    /// <summary>What the service was given as <c>--store</c>.</summary>
    public string? StoreArgument { get; private init; }

    public string DataFolder => Path.Combine(Folder, "review.files");

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="plugins">A plug-ins folder, or none (statutory rules only).</param>
    /// <param name="settings">Configuration on top (limits, lock-out).</param>
    /// <param name="authorisation">Adds samples/review/review.json (the review authorisation, holidays).</param>
    /// <param name="map">Extra endpoints (a test's own), mapped before the app starts.</param>
    /// <param name="accounts">Creates one account (and API token) per role.</param>
    /// <param name="shareWith">Another test service whose store, audit key and data folder this one uses too: a second
    /// instance of the service in the same process (docs/service.md, "Several instances").</param>
    /// <param name="store">The review store (<c>--store</c>), e.g. <c>postgres:…</c>; default <c>review.db</c> in the folder.</param>
    /// <param name="services">Registrations added to the service's own (e.g. a <see cref="Screening.IScreeningRunProbe"/>).</param>
    public static async Task<TestService> StartAsync(
        string? plugins = null, IDictionary<string, string?>? settings = null, bool authorisation = false, Action<WebApplication>? map = null,
        bool accounts = true, TestService? shareWith = null, string? store = null, Action<IServiceCollection>? services = null)
    {
        var folder = shareWith?.Folder ?? Path.Combine(Path.GetTempPath(), "eeval-serve-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var key = Path.Combine(folder, "audit.key");
        if (shareWith is null)
        {
            File.WriteAllText(key, AuditKey.NewText());
        }
        var configuration = new ConfigurationBuilder();
        configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false);
        if (authorisation)
        {
            configuration.AddJsonFile(RepoPaths.Sample("review/review.json"), optional: false);
        }

        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EnterpriseEval:Review:AuditKeyFile"] = key,
            ["EnterpriseEval:Plugins:Isolation"] = "InProcess",
            ["EnterpriseEval:Service:DataDirectory"] = Path.Combine(folder, "review.files"),
        });
        if (settings is not null)
        {
            configuration.AddInMemoryCollection(settings);
        }

        var arguments = new ServeArguments("http://127.0.0.1:0", store ?? shareWith?.StoreArgument ?? Path.Combine(folder, "review.db"), plugins);
        var builder = ServiceApp.CreateBuilder(configuration.Build(), arguments);
        builder.WebHost.UseTestServer();
        services?.Invoke(builder.Services);
        var app = ServiceApp.Build(builder);
        map?.Invoke(app);
        ServiceApp.Prepare(app, arguments, _ => { });
        await app.StartAsync();
        var service = new TestService(app, folder, shareWith is null) { StoreArgument = arguments.Store };
        if (shareWith is not null)
        {
            // The accounts and tokens live in the shared store.
            foreach (var (name, token) in shareWith._tokens)
            {
                service._tokens[name] = token;
            }

            return service;
        }

        var local = app.Services.GetRequiredService<Accounts>();
        foreach (var role in accounts ? Roles.All : [])
        {
            local.Create(role, $"测试{Roles.Chinese(role)}", role, role == Roles.Employee ? EmployeeId : null, Password, "测试准备");
            service._tokens[role] = local.IssueToken(role, "tests", "测试准备").Secret;
        }

        return service;
    }

    /// <summary>The 工号 the employee account is linked to (in the demo and ganpower rosters).</summary>
    public const string EmployeeId = "GP0014";

    public string Token(string role) => _tokens[role];

    /// <summary>Another account (e.g. a second committee member) with an API token, used like a role: by its user name.</summary>
    public void AddAccount(string userName, string role, string? employeeId = null)
    {
        var local = App.Services.GetRequiredService<Accounts>();
        local.Create(userName, $"测试{Roles.Chinese(role)}{userName}", role, employeeId, Password, "测试准备");
        _tokens[userName] = local.IssueToken(userName, "tests", "测试准备").Secret;
    }

    /// <summary>A request with the API token of <paramref name="role"/> (none when null).</summary>
    public HttpRequestMessage Request(HttpMethod method, string url, string? role, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (role is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[role]);
        }

        return request;
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? role, HttpContent? content = null) =>
        Client.SendAsync(Request(method, url, role, content));

    public Task<HttpResponseMessage> GetAsync(string url, string? role) => SendAsync(HttpMethod.Get, url, role);

    public Task<HttpResponseMessage> PostJsonAsync(string url, string? role, object body) =>
        SendAsync(HttpMethod.Post, url, role, JsonContent.Create(body));

    public async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    /// <summary>Uploads the CSV files of a roster folder; the answer is returned unread.</summary>
    public Task<HttpResponseMessage> UploadFolderAsync(string folder, string role = Roles.Hr)
    {
        var content = new MultipartFormDataContent();
        foreach (var file in Directory.EnumerateFiles(folder, "*.csv"))
        {
            content.Add(new ByteArrayContent(File.ReadAllBytes(file)), "files", Path.GetFileName(file));
        }

        return SendAsync(HttpMethod.Post, "/api/v1/rosters", role, content);
    }

    /// <summary>Uploads a roster folder and returns its id.</summary>
    public async Task<string> UploadRosterAsync(string folder)
    {
        var doc = await ReadAsync<JsonElement>(await UploadFolderAsync(folder), HttpStatusCode.Created);
        return doc.GetProperty("roster").GetProperty("id").GetString()!;
    }

    /// <summary>Starts a screening and waits until it has ended; returns its status.</summary>
    public async Task<JsonElement> ScreenAsync(string rosterId, string asOf = "2026-12-31")
    {
        var started = await ReadAsync<JsonElement>(await PostJsonAsync("/api/v1/screenings", Roles.Hr, new { rosterId, asOf }), HttpStatusCode.Accepted);
        return await WaitAsync(started.GetProperty("id").GetString()!);
    }

    public async Task<JsonElement> WaitAsync(string jobId)
    {
        for (var i = 0; i < 600; i++)
        {
            var status = await ReadAsync<JsonElement>(await GetAsync($"/api/v1/screenings/{jobId}", Roles.Hr));
            if (status.GetProperty("state").GetString() is not ("queued" or "running"))
            {
                return status;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Screening job {jobId} did not end within a minute.");
    }

    /// <summary>Signs in with a password and returns the sign-in cookie (name=value), or the failed response.</summary>
    public async Task<(string? Cookie, HttpResponseMessage Response)> SignInAsync(string userName, string password)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/auth/sign-in", new { userName, password });
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).FirstOrDefault(v => v.StartsWith(ServiceApp.CookieName + "=", StringComparison.Ordinal))
            : null;
        return (cookie, response);
    }

    /// <summary>What the rosters folder holds: every stored roster and anything half-way.</summary>
    public IReadOnlyList<string> RosterFolderEntries()
    {
        var rosters = Path.Combine(DataFolder, "rosters");
        return Directory.Exists(rosters) ? [.. Directory.EnumerateFileSystemEntries(rosters).Select(Path.GetFileName).OfType<string>()] : [];
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        if (!_ownsFolder)
        {
            return;
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}

/// <summary>Finds files of the repository from a test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Sample(string relative) => Path.Combine(Root, "samples", relative);

    public static string Plugins(string id) => Path.Combine(Root, "artifacts", "plugins", id);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EnterpriseEval.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EnterpriseEval.sln not found above the test output folder.");
    }
}
