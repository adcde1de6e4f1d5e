using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace EnterpriseEval.Benchmarks;

/// <summary>
/// <c>--service URL ADMIN_PASSWORD ROSTER_ZIP [users] [requests-per-user] [seconds] [path-template…]</c>: measures a
/// running <c>eeval serve</c> (scripts/measure-service.sh starts it on 127.0.0.1): signs in as the admin, issues an API
/// token for the HR account, uploads the roster zip, starts a screening and waits for it (timed from the upload to
/// the job's completion), then a bounded load loop — <c>users</c> concurrent clients, each making at most
/// <c>requests</c> requests and all stopping after <c>seconds</c> — over the decisions page with a rotation of
/// filters, and prints the latency percentiles. Loopback only: the URL must be http://127.0.0.1:….
/// </summary>
internal static class ServiceLoad
{
    // A rotation of what people filter the decisions table by (docs/service.md, "Decisions").
    private static readonly string[] Queries =
    [
        "", "outcome=eligible", "outcome=not_eligible&path=skill_to_title", "path=title_to_skill&page=3",
        "outcome=needs_review", "department=焊接车间", "q=张", "page=200", "eligibleFrom=2027-01-01&eligibleBy=2027-12-31",
        "level=senior", "department=机加工车间&outcome=eligible&page=20", "q=GJ00012",
    ];

    public static int Run(string[] args)
    {
        if (args.Length < 4)
        {
            Console.Error.WriteLine("usage: --service URL ADMIN_PASSWORD ROSTER_ZIP [users=50] [requests=40] [seconds=120] [path-template…]");
            return 2;
        }

        var url = new Uri(args[1]);
        if (!url.IsLoopback)
        {
            Console.Error.WriteLine("--service measures a server on 127.0.0.1 only");
            return 2;
        }

        var users = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 50;
        var requests = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 40;
        var seconds = args.Length > 6 ? double.Parse(args[6], CultureInfo.InvariantCulture) : 120;
        string[] templates = args.Length > 7 ? args[7..] : ["/api/v1/screenings/{id}/decisions"];
        return RunAsync(url, args[2], args[3], users, requests, seconds, templates).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(Uri url, string adminPassword, string rosterZip, int users, int requests, double seconds, string[] templates)
    {
        // The sign-in cookie is Secure (__Host-), which HttpClient's cookie container keeps off plain http even on
        // loopback, where browsers send it: the cookies are carried by hand.
        using var admin = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = url, Timeout = TimeSpan.FromMinutes(10) };
        var signIn = await admin.PostAsJsonAsync("/api/v1/auth/sign-in", new { userName = "admin", password = adminPassword });
        signIn.EnsureSuccessStatusCode();
        var cookies = new List<string>(Cookies(signIn));
        admin.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies));
        using var antiforgeryResponse = await admin.GetAsync("/api/v1/auth/antiforgery");
        antiforgeryResponse.EnsureSuccessStatusCode();
        cookies.AddRange(Cookies(antiforgeryResponse));
        admin.DefaultRequestHeaders.Remove("Cookie");
        admin.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies));
        var antiforgery = await antiforgeryResponse.Content.ReadFromJsonAsync<JsonElement>();
        admin.DefaultRequestHeaders.Add(antiforgery.GetProperty("headerName").GetString()!, antiforgery.GetProperty("token").GetString());
        var issued = await admin.PostAsJsonAsync("/api/v1/tokens", new { userName = "hr", name = "measure-service" });
        issued.EnsureSuccessStatusCode();
        var token = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;

        // No redirects followed: a page that sends the client to sign-in counts as a failure, not as a fast answer.
        using var hr = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(users, 2), UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = url,
            Timeout = TimeSpan.FromMinutes(10),
        };
        hr.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // 1. Upload and screen, timed as an HR system would see it: from the upload's first byte to the job completed.
        var clock = Stopwatch.StartNew();
        using var form = new MultipartFormDataContent();
        var zip = new StreamContent(File.OpenRead(rosterZip));
        zip.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(zip, "files", Path.GetFileName(rosterZip));
        var upload = await hr.PostAsync("/api/v1/rosters", form);
        if (!upload.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"upload: {(int)upload.StatusCode} {await upload.Content.ReadAsStringAsync()}");
            return 1;
        }

        var uploaded = clock.Elapsed.TotalSeconds;
        var rosterId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("roster").GetProperty("id").GetString()!;
        var start = await hr.PostAsJsonAsync("/api/v1/screenings", new { rosterId, asOf = "2026-12-31" });
        start.EnsureSuccessStatusCode();
        var jobId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        JsonElement status;
        while (true)
        {
            status = await hr.GetFromJsonAsync<JsonElement>($"/api/v1/screenings/{jobId}");
            var state = status.GetProperty("state").GetString();
            if (state is "completed" or "failed" or "cancelled")
            {
                break;
            }

            await Task.Delay(20);
        }

        var screened = clock.Elapsed.TotalSeconds;
        var counts = status.GetProperty("counts");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"api: upload {uploaded:F2} s, upload+screen {screened:F2} s, state {status.GetProperty("state").GetString()}, " +
            $"{counts.GetProperty("employees").GetInt32()} employees, {counts.GetProperty("decisions").GetInt32()} decisions"));

        if (users <= 0)
        {
            return 0;
        }

        // 2. The bounded load loop: every client stops after its requests or at the deadline, whichever comes first.
        foreach (var template in templates)
        {
            var path = template.Replace("{id}", jobId, StringComparison.Ordinal);
            var latencies = new List<double>[users];
            var failures = 0;
            var deadline = Stopwatch.StartNew();
            var tasks = Enumerable.Range(0, users).Select(async u =>
            {
                var mine = latencies[u] = new List<double>(requests);
                for (var i = 0; i < requests && deadline.Elapsed.TotalSeconds < seconds; i++)
                {
                    var query = Queries[(u * 7 + i) % Queries.Length];
                    var sw = Stopwatch.StartNew();
                    using var response = await hr.GetAsync(query.Length == 0 ? path : $"{path}?{query}", HttpCompletionOption.ResponseContentRead);
                    await response.Content.LoadIntoBufferAsync();
                    mine.Add(sw.Elapsed.TotalMilliseconds);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            }).ToArray();
            await Task.WhenAll(tasks);
            var all = latencies.SelectMany(l => l).Order().ToArray();
            double P(double p) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"load {template}: {users} users, {all.Length} requests in {deadline.Elapsed.TotalSeconds:F1} s ({all.Length / deadline.Elapsed.TotalSeconds:F0}/s), " +
                $"{failures} failed; latency ms p50 {P(0.50):F1}, p95 {P(0.95):F1}, p99 {P(0.99):F1}, max {(all.Length == 0 ? double.NaN : all[^1]):F1}"));
        }

        return 0;
    }

    private static IEnumerable<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : [];
}
