using System.Globalization;
using System.Text.RegularExpressions;
using CsCheck;

namespace EnterpriseEval.Engine.Tests.Fuzzing;

/// <summary>
/// How long each fuzz property runs (docs/security.md "Fuzzing and property tests"): <c>EEVAL_FUZZ_SECONDS</c> seconds
/// (default 20), so that the whole fuzz run of <c>dotnet test</c>, and so of <c>.ci/run</c>, stays within about two
/// minutes. <c>EEVAL_FUZZ_SEED</c> replays one failing case: CsCheck prints the seed of the smallest failing case it
/// found, and the case itself, when a property fails.
/// </summary>
internal static partial class FuzzBudget
{
    /// <summary>Seconds one property runs.</summary>
    public static int Seconds { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("EEVAL_FUZZ_SECONDS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s > 0
            ? s
            : 20;

    /// <summary>The seed to replay, or null for a fresh random run.</summary>
    public static string? Seed { get; } = Environment.GetEnvironmentVariable("EEVAL_FUZZ_SEED") is { Length: > 0 } seed ? seed : null;

    /// <summary>How long one case may take before it counts as a hang.</summary>
    public static TimeSpan CaseTimeout { get; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Runs <paramref name="property"/> on generated cases for <see cref="Seconds"/> seconds on one thread (the
    /// machine is shared with the rest of the test run); a failing case is shrunk and printed with its seed.
    /// </summary>
    public static void Run<T>(Gen<T> gen, Action<T> property, Func<T, string>? print = null, Action<string>? writeLine = null)
    {
        if (Seed is not null)
        {
            gen.Sample(property, writeLine, seed: Seed, iter: 1, threads: 1, print: print);
            return;
        }

        gen.Sample(property, writeLine, time: Seconds, threads: 1, print: print);
    }

    /// <summary>
    /// Runs <paramref name="action"/> and fails the case if it has not finished within <see cref="CaseTimeout"/>:
    /// a reader must never hang on any input.
    /// </summary>
    public static TResult WithinTime<TResult>(Func<TResult> action, string what)
    {
        var task = Task.Run(action);
        if (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(CaseTimeout))
        {
            throw new TimeoutException($"{what} did not finish within {CaseTimeout.TotalSeconds} s: a hang.");
        }

        return task.GetAwaiter().GetResult();
    }

    /// <summary>Whether a message a person reads is Chinese: it has at least one CJK character.</summary>
    public static bool IsChinese(string message) => Cjk().IsMatch(message);

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Cjk();
}
