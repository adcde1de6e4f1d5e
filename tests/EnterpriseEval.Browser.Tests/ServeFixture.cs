using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EnterpriseEval.Browser.Tests;

/// <summary>
/// A real <c>eeval serve</c> process for the browser tests (docs/service.md, "Pages"): the README's demo command —
/// <c>serve --demo</c> with the review configuration and the shipped power-supply plug-in — on a new store in a temp
/// folder, listening on a free loopback port; the demo passwords and the address are read from what it prints. And
/// Debian's Chromium, driven by Playwright (whose own browser download is not available here). Both are stopped at
/// the end.
/// </summary>
public sealed partial class ServeFixture : IAsyncLifetime
{
    /// <summary>Where Debian's chromium package puts the browser; .ci/run installs it when it is missing.</summary>
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>How long an action, a navigation or an expectation may take (ms).</summary>
    private const float Timeout = 60_000;

    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();
    private Process? _server;
    private IPlaywright? _playwright;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "eeval-browser-" + Guid.NewGuid().ToString("N"));

    /// <summary>The address the server printed, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Address { get; private set; } = "";

    /// <summary>The demo accounts' passwords, by user name, as printed once.</summary>
    public IReadOnlyDictionary<string, string> Passwords { get; private set; } = new Dictionary<string, string>();

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: <c>EEVAL_SCREENSHOTS</c>, else the test output folder.</summary>
    public static string Screenshots { get; } = Path.GetFullPath(
        Environment.GetEnvironmentVariable("EEVAL_SCREENSHOTS") is { Length: > 0 } folder ? Path.Combine(Repo.Root, folder) : Path.Combine(AppContext.BaseDirectory, "screenshots"));

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

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException(
                $"找不到浏览器 {Chromium}：浏览器测试需要 Debian 的 chromium，请以 root 运行 apt-get install -y chromium（.ci/run 在缺少时会自动安装）。 "
                + $"Chromium not found at {Chromium}: the browser tests need Debian's chromium package; run `apt-get install -y chromium` as root (.ci/run does when it is missing).");
        }

        Directory.CreateDirectory(Folder);
        StartServer();
        await WaitForServerAsync();

        // Generous waits: under `dotnet test EnterpriseEval.sln` the other test assemblies share the machine's cores.
        Assertions.SetDefaultExpectTimeout(Timeout);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Timeout = 2 * Timeout,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A new browser context (its own cookies) at 1366×768, in Chinese, that accepts downloads.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            AcceptDownloads = true,
            BaseURL = Address,
        });
        context.SetDefaultTimeout(Timeout);
        context.SetDefaultNavigationTimeout(Timeout);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in page as a person does, landing on the role's home page.</summary>
    public Task<IPage> SignInAsync(string userName) => SignInAsync(userName, Passwords[userName]);

    /// <summary>Signs in with the given password through the sign-in page, landing on the role's home page.</summary>
    public async Task<IPage> SignInAsync(string userName, string password)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        try
        {
            // Wait for what a signed-in person sees (the 退出登录 button of every signed-in page) and then for the URL
            // to have left the sign-in page, never for a load state. Playwright's WaitForURL, when the URL already
            // matches, waits for the "load" state whatever WaitUntil says; on a loaded machine that wait twice
            // outlived a page that was already shown (the fresh-clone CI: /hr displayed, only "networkidle" seen).
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出登录" })).ToBeVisibleAsync();
            await Assertions.Expect(page).Not.ToHaveURLAsync(SignInPage());
            await page.Locator("main").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        }
        catch (Exception e) when (e is TimeoutException or PlaywrightException)
        {
            // Say what the person would have seen and what the server said, so a failure under load can be diagnosed.
            var shown = await page.Locator("main").InnerTextAsync(new() { Timeout = 5_000 }).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "(page not readable)", TaskScheduler.Default);
            var lines = Output.Split('\n');
            throw new TimeoutException(
                $"Signing in as {userName} stayed on {page.Url}. The page showed:\n{shown}\nThe server's last output:\n{string.Join('\n', lines[Math.Max(0, lines.Length - 40)..])}", e);
        }

        return page;
    }

    /// <summary>A screenshot of what the page shows (1366×768) into <see cref="Screenshots"/>.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name), FullPage = false });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        _server?.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private void StartServer()
    {
        // The server runs from copies of the build output and the plug-in: under `dotnet test EnterpriseEval.sln` other
        // projects' builds may still be writing host/…/bin and artifacts/plugins while this server loads from them.
        var eeval = Path.Combine(Copy(Path.GetDirectoryName(Repo.Eeval())!, Path.Combine(Folder, "eeval")), "eeval.dll");
        var plugins = Copy(Path.Combine(Repo.Root, "artifacts", "plugins", "ganpower-supply"), Path.Combine(Folder, "plugins", "ganpower-supply"));
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[]
        {
            eeval, "serve", "--port", "0", "--demo", "--store", Path.Combine(Folder, "review.db"),
            "--config", Path.Combine(Repo.Root, "samples", "review", "review.json"), "--plugins", plugins,
        })
        {
            start.ArgumentList.Add(argument);
        }

        // The audit key of this store only, never the user's ~/.config/eeval/audit.key.
        start.Environment["EEVAL_EnterpriseEval__Review__AuditKeyFile"] = Path.Combine(Folder, "audit.key");
        start.Environment["DOTNET_NOLOGO"] = "1";
        _server = Process.Start(start) ?? throw new InvalidOperationException("eeval serve did not start");
        _server.OutputDataReceived += (_, e) => Append(e.Data);
        _server.ErrorDataReceived += (_, e) => Append(e.Data);
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
    }

    private static string Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        return to;
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

    private async Task WaitForServerAsync()
    {
        for (var i = 0; i < 1200; i++)
        {
            var output = Output;
            if (Started().Match(output) is { Success: true } started)
            {
                Address = started.Groups[1].Value;
                Passwords = Password().Matches(output).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
                Assert.True(Passwords.Count == 5, $"eeval serve --demo printed {Passwords.Count} accounts:\n{output}");
                return;
            }

            if (_server!.HasExited)
            {
                break;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"eeval serve did not start within two minutes:\n{Output}");
    }

    [GeneratedRegex(@"已启动：(http://127\.0\.0\.1:\d+)")]
    private static partial Regex Started();

    [GeneratedRegex("/signin")]
    private static partial Regex SignInPage();

    // The employee's line goes on with its 工号 right after the password: "密码 Abc…（工号 GP0014）".
    [GeneratedRegex(@"用户名 (\S+)\s+密码 ([^\s（]+)")]
    private static partial Regex Password();
}

/// <summary>One server and one browser for all browser tests (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class ServeCollection : ICollectionFixture<ServeFixture>
{
    public const string Name = "eeval serve";
}

/// <summary>Files of the repository, found from the test output folder.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    /// <summary>The eeval executable of the same configuration as these tests (built before them: a project reference).</summary>
    public static string Eeval()
    {
        // .../tests/EnterpriseEval.Browser.Tests/bin/<Configuration>/net10.0/
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var path = Path.Combine(Root, "host", "EnterpriseEval.Host", "bin", configuration, output.Name, "eeval.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"eeval.dll not found at {path}: build the solution first.");
    }

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
