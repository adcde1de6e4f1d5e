using System.Text;
using CsCheck;
using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Workflow.Review;
using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Engine.Tests.Excel;
using EnterpriseEval.Engine.Tests.Support;
using EnterpriseEval.Sdk.Model;
using Xunit.Abstractions;

namespace EnterpriseEval.Engine.Tests.Fuzzing;

/// <summary>
/// Issue #18, "Fuzzing and property tests" (docs/security.md): rosters seeded from the demo sample and mutated as a
/// careless or hostile user would (byte flips, stray quotes, commas, line breaks, NUL, BOMs, GBK bytes, truncation,
/// columns duplicated or dropped, huge or empty fields, odd dates, ids and full-width digits). Whatever the input, a
/// read either succeeds or stops with the product's own Chinese message, never hangs, every reject names a file and a
/// data row, and what was read screens without an exception. Each property runs for <see cref="FuzzBudget.Seconds"/>.
/// </summary>
[Collection(MeasuredCollection.Name)]
public sealed class RosterFuzzTests(ITestOutputHelper output)
{
    private static readonly SortedDictionary<string, byte[]> Demo = new(
        Directory.GetFiles(SamplePath("demo"), "*.csv").ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes),
        StringComparer.Ordinal);

    private static readonly Gen<(RosterMutation[] Mutations, int ChunkSize)> CsvCases = Gen.Select(
        RosterMutation.Gen(Demo.Count, max: 4),
        Gen.OneOf(Gen.Const(10_000), Gen.Int[1, 40]));

    [Fact]
    public void A_mutated_csv_roster_reads_or_fails_in_chinese_and_the_streamed_read_gives_the_same_decisions()
    {
        var outcomes = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        FuzzBudget.Run(
            CsvCases,
            c => outcomes.AddOrUpdate(CheckCsv(c.Mutations, c.ChunkSize), 1, (_, n) => n + 1),
            c => Print(c.Mutations) + $" chunk {c.ChunkSize}",
            output.WriteLine);
        output.WriteLine(string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {o.Value}")));
    }

    [Fact]
    public void A_workbook_made_from_a_mutated_roster_reads_or_fails_in_chinese()
    {
        var cases = Gen.Select(RosterMutation.Gen(Demo.Count, max: 4), Gen.Bool, RosterMutation.Gen(1, max: 2).Null(0.7));
        var outcomes = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        FuzzBudget.Run(
            cases,
            c => outcomes.AddOrUpdate(CheckWorkbook(c.Item1, c.Item2, c.Item3), 1, (_, n) => n + 1),
            c => Print(c.Item1) + $" typed {c.Item2} zip {Print(c.Item3)}",
            output.WriteLine);
        output.WriteLine(string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {o.Value}")));
    }

    /// <summary>Writes the mutated demo as a CSV folder and checks every property of a read of it.</summary>
    internal static string CheckCsv(RosterMutation[] mutations, int chunkSize)
    {
        var folder = Directory.CreateTempSubdirectory("eeval-fuzz-").FullName;
        try
        {
            foreach (var (name, bytes) in Mutate(mutations))
            {
                File.WriteAllBytes(Path.Combine(folder, name), bytes);
            }

            var whole = Attempt(() => RosterReader.ReadFolder(folder), "ReadFolder");
            var streamed = Attempt(() => Stream(folder, chunkSize), "OpenStream");
            if (whole.Error is not null)
            {
                // A roster the whole read refuses is refused streamed too (a stream that first meets rows out of order
                // is read whole by the screening, RosterStream). With several fatal faults in different files each
                // read may name a different one first: the whole read checks the tables in their order, the stream
                // opens every table before reading rows and reads them a chunk at a time on two threads.
                Assert.NotNull(streamed.Error);
                return "refused";
            }

            CheckRejects(whole.Value!.Rejects);
            var decisions = Decisions(whole.Value.Records);
            if (streamed.Value is null)
            {
                // Rows out of employees.csv order: the screening reads the roster whole instead (RosterStream).
                Assert.IsType<RosterOrderException>(streamed.Error);
                return "read; streamed out of order";
            }

            Assert.Null(streamed.Error);
            var (records, rejects, rowsRead) = streamed.Value;
            Assert.Equal(whole.Value.EmployeeRowsRead, rowsRead);
            Assert.Equal(whole.Value.Rejects, rejects);
            Assert.Equal(decisions, Decisions(records));
            return "read; streamed alike";
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Writes the mutated demo as a workbook (optionally with its zip bytes mutated too) and checks a read of it.</summary>
    internal static string CheckWorkbook(RosterMutation[] mutations, bool typed, RosterMutation[]? zipMutations)
    {
        var folder = Directory.CreateTempSubdirectory("eeval-fuzz-").FullName;
        try
        {
            var path = Path.Combine(folder, "花名册.xlsx");
            var workbook = new TestWorkbook();
            var sheets = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, bytes) in Mutate(mutations))
            {
                if (!sheets.Add(Path.GetFileNameWithoutExtension(name)))
                {
                    continue; // EMPLOYEES and employees: Excel has no two sheets whose names differ only in case.
                }

                workbook.Sheet(Path.GetFileNameWithoutExtension(name), [.. Rows(bytes, typed)]);
            }

            workbook.Save(path);
            if (zipMutations is not null)
            {
                var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal) { ["花名册.xlsx"] = File.ReadAllBytes(path) };
                foreach (var m in zipMutations)
                {
                    // Only byte-level damage: a workbook is not lines of text.
                    (m with { Kind = (MutationKind)((int)m.Kind % 3) }).Apply(files);
                }

                File.WriteAllBytes(path, files["花名册.xlsx"]);
            }

            var read = Attempt(() => RosterReader.ReadFolder(path), "ReadFolder (xlsx)");
            if (read.Value is not { } roster)
            {
                return "refused";
            }

            CheckRejects(roster.Rejects);
            _ = Decisions(roster.Records);
            return "read";
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static SortedDictionary<string, byte[]> Mutate(RosterMutation[] mutations)
    {
        var files = new SortedDictionary<string, byte[]>(Demo, StringComparer.Ordinal);
        foreach (var m in mutations)
        {
            m.Apply(files);
        }

        return files;
    }

    /// <summary>
    /// Runs a read within the case time limit: its result, or the product's own exception with a Chinese message.
    /// Any other exception fails the case.
    /// </summary>
    private static (T? Value, Exception? Error) Attempt<T>(Func<T> read, string what)
        where T : class
    {
        try
        {
            return (FuzzBudget.WithinTime(read, what), null);
        }
        catch (Exception e) when (e is RosterException or UserFacingException or RosterOrderException)
        {
            Assert.True(FuzzBudget.IsChinese(e.Message), $"{what}: not a Chinese message: {e.Message}");
            return (null, e);
        }
    }

    private static StreamedRead Stream(string folder, int chunkSize)
    {
        using var stream = RosterReader.OpenStream(folder) ?? throw new InvalidOperationException("A CSV folder always streams.");
        var records = new List<EmployeeRecord>();
        while (stream.Next(chunkSize) is { } chunk)
        {
            records.AddRange(chunk);
        }

        return new(records, stream.Rejects(), stream.EmployeeRowsRead);
    }

    private sealed record StreamedRead(List<EmployeeRecord> Records, IReadOnlyList<RosterReject> Rejects, int RowsRead);

    /// <summary>Every reject names its file, a data row (the header is row 1) and a Chinese reason.</summary>
    private static void CheckRejects(IReadOnlyList<RosterReject> rejects)
    {
        foreach (var r in rejects)
        {
            Assert.False(string.IsNullOrWhiteSpace(r.File), $"a reject names no file: {r}");
            Assert.True(r.Row >= 2, $"a reject names row {r.Row}: {r}");
            Assert.True(FuzzBudget.IsChinese(r.Reason), $"a reject's reason is not Chinese: {r}");
        }
    }

    /// <summary>Screens the records with no plug-ins: whatever the reader accepted must screen without an exception.</summary>
    private static List<StoredDecision> Decisions(IReadOnlyList<EmployeeRecord> records) =>
        [.. DecisionRecord.FromResult(PluginRun.Screen(PluginSet.Empty, records, Employees.AsOf), 0)];

    /// <summary>
    /// The rows of a (mutated) CSV file as workbook cells, split naively on line breaks and commas; with
    /// <paramref name="typed"/>, whole numbers become number cells and ISO dates date cells, as HR exports have them.
    /// Characters XML cannot hold (and so no workbook can) become '?'.
    /// </summary>
    private static IEnumerable<object?[]> Rows(byte[] bytes, bool typed)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ok = c is '\t' or '\n' or '\r' || (c >= 0x20 && c < 0xFFFE && !char.IsSurrogate(c))
                || (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]));
            clean.Append(ok ? c : '?');
            if (ok && char.IsHighSurrogate(c))
            {
                clean.Append(text[++i]);
            }
        }

        foreach (var line in clean.ToString().Split('\n'))
        {
            yield return [.. line.TrimEnd('\r').Split(',').Select(f => typed ? Typed(f) : f)];
        }
    }

    private static object? Typed(string field) =>
        field.Length == 0 ? null
        : long.TryParse(field, out var n) && field.Length < 12 ? n
        : DateTime.TryParseExact(field, "yyyy-MM-dd", null, System.Globalization.DateTimeStyles.None, out var d) ? d
        : field;

    private static string Print(RosterMutation[]? mutations) =>
        mutations is null ? "none" : string.Join("; ", mutations.Select(m => m.ToString()));

    private static string SamplePath(string sample)
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "EnterpriseEval.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("repository root not found");
        }

        return Path.Combine(dir, "samples", "rosters", sample);
    }
}
