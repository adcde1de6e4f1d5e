using Xunit;
using System.Diagnostics;
using Npgsql;

namespace EnterpriseEval.Tests.Shared;

/// <summary>
/// A real PostgreSQL server for the tests (Debian's <c>postgresql</c> binaries): <c>initdb</c> into a temporary folder,
/// started on a Unix socket in that folder only (no TCP port), stopped and deleted at the end. As root (CI), the server
/// runs as the <c>postgres</c> user, since PostgreSQL refuses to run as root. Each test takes a database of its own
/// (<see cref="CreateDatabase"/>). <c>.ci/run</c> installs the package when it is missing.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly string _bin;
    private readonly string _root;
    private readonly string _data;
    private readonly bool _asPostgresUser;
    private int _databases;

    public PostgresServer()
    {
        _bin = FindBinaries();
        _root = Directory.CreateTempSubdirectory("eeval-pg-").FullName;
        _data = Path.Combine(_root, "data");
        _asPostgresUser = Environment.UserName == "root";
        if (_asPostgresUser)
        {
            Run("/bin/chown", ["-R", "postgres:postgres", _root], asPostgres: false);
        }

        Run(Path.Combine(_bin, "initdb"), ["-D", _data, "-U", "eeval", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);

        // Durability settings off: these servers hold test data only (the benchmark uses the defaults).
        var options = $"-k {_root} -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        Run(Path.Combine(_bin, "pg_ctl"), ["-D", _data, "-o", options, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60", "start"]);
        AdminConnectionString = $"Host={_root};Port=5432;Username=eeval;Database=postgres;Pooling=false";
    }

    /// <summary>The maintenance database, for creating others.</summary>
    public string AdminConnectionString { get; }

    /// <summary>A new, empty database on the server; its connection string.</summary>
    public string CreateDatabase()
    {
        var name = $"t{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            command.ExecuteNonQuery();
        }

        return $"Host={_root};Port=5432;Username=eeval;Database={name}";
    }

    public void Dispose()
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            Run(Path.Combine(_bin, "pg_ctl"), ["-D", _data, "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static string FindBinaries()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("EEVAL_PG_BIN") is { Length: > 0 } configured)
        {
            candidates.Add(configured);
        }

        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException(
                "PostgreSQL server binaries (initdb, pg_ctl) not found: install Debian's postgresql package (.ci/run does so as root) or set EEVAL_PG_BIN.");
    }

    private void Run(string program, IReadOnlyList<string> arguments, bool asPostgres = true)
    {
        var start = new ProcessStartInfo
        {
            FileName = asPostgres && _asPostgresUser ? "/usr/sbin/runuser" : program,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres && _asPostgresUser)
        {
            foreach (var a in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} did not finish in 120 s.");
        }

        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_root, "server.log");
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {output.Result}{error.Result}{(File.Exists(log) ? File.ReadAllText(log) : "")}");
        }
    }
}

/// <summary>The tests that share one <see cref="PostgresServer"/>; it is stopped when they have all run.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL server";
}
