using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Engine.Screening;
using EnterpriseEval.Engine.Tests.Support;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Engine.Tests.Api;

/// <summary>
/// docs/architecture.md, "The engine": one run streams its results to a sink chunk by chunk over a bounded channel,
/// stops when cancelled, and gives the same decisions however the roster is cut into chunks.
/// </summary>
public sealed class ScreeningEngineTests
{
    private static readonly EmployeeRecord[] Roster =
    [
        .. Enumerable.Range(0, 7).Select(i => i % 2 == 0
            ? Employees.SeniorTechnician($"E{i}")
            : Employees.SeniorWorker($"E{i}", new DateOnly(2020 + i, 1, 1))),
    ];

    [Fact]
    public void Records_screened_into_memory_are_the_decisions_of_the_screening_pass_in_roster_order()
    {
        var run = new ScreeningEngine().Screen(RosterSource.FromRecords(Roster), Employees.AsOf);

        var expected = PluginRun.Screen(PluginSet.Empty, Roster, Employees.AsOf);
        Assert.Equal(Describe(expected.Decisions), Describe(run.Decisions));
        Assert.Equal(Roster.Length, run.DecisionsByEmployee.Count);
        Assert.All(Enumerable.Range(0, Roster.Length), i => Assert.All(run.DecisionsByEmployee[i], d => Assert.Equal(Roster[i].Employee.EmployeeId, d.EmployeeId)));
        Assert.NotNull(run.Summary);
        Assert.Equal(Roster.Length, run.Summary.EmployeesScreened);
        Assert.Equal(Employees.AsOf, run.Summary.AsOf);
        Assert.Empty(run.Summary.Rejects);
        Assert.Contains(run.Decisions, d => d.Outcome == Outcome.Eligible);
    }

    [Fact]
    public async Task A_sink_receives_the_chunks_in_roster_order_and_the_decisions_do_not_depend_on_the_chunk_size()
    {
        var sink = new RecordingSink();
        var summary = await new ScreeningEngine { ChunkSize = 2 }
            .RunAsync(RosterSource.FromRecords(Roster), Employees.AsOf, plugins: null, sink);

        Assert.Equal([0, 2, 4, 6], sink.Chunks.Select(c => c.FirstEmployee));
        Assert.Equal([2, 2, 2, 1], sink.Chunks.Select(c => c.Count));
        Assert.Same(summary, sink.Completed);
        var whole = new ScreeningEngine().Screen(RosterSource.FromRecords(Roster), Employees.AsOf);
        Assert.Equal(Describe(whole.Decisions), Describe(sink.Chunks.SelectMany(c => c.DecisionsByEmployee).SelectMany(d => d)));
    }

    [Fact]
    public void An_employee_without_an_application_in_a_roster_with_applications_gets_no_decision()
    {
        var applying = Employees.SeniorTechnician("A1") with
        {
            Applications = [new Application { Path = ScreeningPath.SkillToTitle, TargetTitleLevel = TitleLevel.AssociateSenior }],
        };
        var run = new ScreeningEngine().Screen(RosterSource.FromRecords([applying, Employees.SeniorTechnician("N1")]), Employees.AsOf);

        Assert.NotEmpty(run.DecisionsByEmployee[0]);
        Assert.Empty(run.DecisionsByEmployee[1]);
        Assert.Equal(1, run.Summary!.NotApplied);
        Assert.Equal(1, run.Summary.EmployeesScreened);
    }

    [Fact]
    public async Task The_stage_timer_counts_every_decision_made_and_on_linux_the_cpu_time_the_screening_workers_spent()
    {
        // The Debug log's "Screening workers" line (BENCHMARKS.md, the screening core in a real run) rests on these two.
        var many = Enumerable.Range(0, 300).Select(i => i % 3 == 0 ? Employees.SeniorTechnician($"T{i}") : Employees.SeniorWorker($"W{i}", new DateOnly(2018, 1, 1))).ToArray();
        var sink = new RecordingSink();
        var times = new StageTimes();

        await new ScreeningEngine { ChunkSize = 64 }.RunAsync(
            RosterSource.FromRecords(many), Employees.AsOf, PluginSet.Empty, sink, null, new RunTuning(Times: times), CancellationToken.None);

        var made = sink.Chunks.SelectMany(c => c.DecisionsByEmployee).Sum(d => d.Count);
        Assert.True(made > many.Length / 2, $"only {made} decisions");
        Assert.Equal(made, times.CandidatePaths);
        if (OperatingSystem.IsLinux())
        {
            Assert.NotNull(times.ScreeningCpu);
            Assert.InRange(times.ScreeningCpu.Value, 1e-7, 60);
        }
    }

    [Fact]
    public void A_scheduler_adds_up_the_cpu_time_its_workers_spend_on_the_ranges_they_finish()
    {
        var scheduler = new GuardedScheduler(2, 60_000);
        Assert.Equal(0, scheduler.WorkerCpuSeconds);

        // About 0.2 CPU-seconds of spinning spread over the workers, twice: the total grows with each Run.
        static void Spin(int i, WorkerSlot slot)
        {
            var until = System.Diagnostics.Stopwatch.GetTimestamp() + (System.Diagnostics.Stopwatch.Frequency / 5_000);
            while (System.Diagnostics.Stopwatch.GetTimestamp() < until)
            {
                Thread.SpinWait(10);
            }
        }

        scheduler.Run(1_000, Spin);
        var first = scheduler.WorkerCpuSeconds;
        scheduler.Run(1_000, Spin);
        var both = scheduler.WorkerCpuSeconds;

        // Thread CPU time is read on Linux only (ThreadCpuTime): elsewhere the figure is not known, never made up.
        if (!OperatingSystem.IsLinux())
        {
            Assert.Null(both);
            return;
        }

        // CPU time, not wall time: on a loaded machine a worker may wait for a core, so only a lower bound is certain.
        Assert.InRange(first!.Value, 0.05, 30);
        Assert.InRange(both!.Value - first.Value, 0.05, 30);
    }

    [Fact]
    public async Task Cancelling_stops_the_run_between_chunks_and_the_sink_is_never_completed()
    {
        using var cancel = new CancellationTokenSource();
        var sink = new RecordingSink { OnWrite = _ => cancel.Cancel() };
        var many = Enumerable.Range(0, 200).Select(i => Employees.SeniorWorker($"C{i}", new DateOnly(2020, 1, 1))).ToArray();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new ScreeningEngine { ChunkSize = 1 }.RunAsync(RosterSource.FromRecords(many), Employees.AsOf, null, sink, null, cancel.Token));

        // The sink cancelled while taking the first chunk: it is handed no other.
        Assert.Single(sink.Chunks);
        Assert.Null(sink.Completed);
    }

    [Fact]
    public async Task A_run_cancelled_before_it_starts_hands_nothing_to_the_sink()
    {
        var sink = new RecordingSink();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new ScreeningEngine().RunAsync(RosterSource.FromRecords(Roster), Employees.AsOf, null, sink, null, new CancellationToken(canceled: true)));
        Assert.Empty(sink.Chunks);
        Assert.Null(sink.Completed);
    }

    [Fact]
    public async Task A_slow_sink_holds_the_engine_back_to_the_chunks_the_channel_bounds()
    {
        const int inFlight = 2;
        var many = Enumerable.Range(0, 60).Select(i => Employees.SeniorWorker($"B{i}", new DateOnly(2020, 1, 1))).ToArray();
        var screened = 0;
        var reachedBound = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = new InlineProgress<EngineProgress>(p =>
        {
            if (p.Stage == "资格筛查" && p.Done > 0)
            {
                Volatile.Write(ref screened, p.Done);
                if (p.Done >= inFlight + 1)
                {
                    reachedBound.TrySetResult();
                }
            }
        });
        var written = 0;
        var most = 0;
        var sink = new RecordingSink
        {
            OnWriteAsync = async _ =>
            {
                if (written == 0)
                {
                    // The sink holds the first chunk until the engine has screened as far ahead as the channel lets it
                    // (one chunk here, ChunksInFlight waiting), and a while longer: it must go no further.
                    await reachedBound.Task.WaitAsync(TimeSpan.FromSeconds(30));
                    await Task.Delay(300);
                }

                // Chunks screened and handed over but not yet taken by the sink, this one included.
                most = Math.Max(most, Volatile.Read(ref screened) - written);
                written++;
            },
        };

        await new ScreeningEngine { ChunkSize = 1, ChunksInFlight = inFlight }
            .RunAsync(RosterSource.FromRecords(many), Employees.AsOf, null, sink, progress);

        Assert.Equal(many.Length, sink.Chunks.Count);
        Assert.Equal(inFlight + 1, most);
    }

    [Fact]
    public void A_roster_folder_that_does_not_exist_is_an_engine_error_in_Chinese()
    {
        var e = Assert.ThrowsAny<EngineException>(() =>
            new ScreeningEngine().Screen(RosterSource.FromFolder(Path.Combine(Path.GetTempPath(), $"no-roster-{Guid.NewGuid():N}")), Employees.AsOf));
        Assert.Contains("no-roster-", e.Message, StringComparison.Ordinal);
        Assert.Matches("[\u4e00-\u9fff]", e.Message);
    }

    [Fact]
    public void A_roster_folder_out_of_employee_order_is_read_again_whole_and_the_sink_holds_each_employee_once()
    {
        // samples/rosters/demo lists some tables by test case, not by employee: streamed in chunks of three, a table
        // goes back to an employee already handed to the sink, and the run starts again on the roster read whole.
        var roster = RosterSource.FromFolder(SamplePath("demo"));
        var small = new ScreeningEngine { ChunkSize = 3 }.Screen(roster, Employees.AsOf);
        var whole = new ScreeningEngine().Screen(roster, Employees.AsOf);

        Assert.Contains("employees.csv 的顺序不一致", small.Summary!.ReadWhole, StringComparison.Ordinal);
        Assert.Equal(whole.Summary!.Employees, small.DecisionsByEmployee.Count);
        Assert.Equal(Describe(whole.Decisions), Describe(small.Decisions));
        Assert.Equal(whole.Summary.Rejects, small.Summary!.Rejects);
        Assert.NotEmpty(small.Summary.Rejects);
    }

    private static string SamplePath(string sample)
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "EnterpriseEval.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("repository root not found");
        }

        return Path.Combine(dir, "samples", "rosters", sample);
    }

    private static List<string> Describe(IEnumerable<Decision> decisions) =>
        [.. decisions.Select(d => $"{d.EmployeeId} {d.Path} {d.TargetLevelCode} {d.Outcome} {d.EarliestEligibleOn} {string.Join("|", d.Findings.Select(f => f.RuleId + ":" + f.Message))}")];

    private sealed class RecordingSink : IDecisionSink
    {
        public List<DecisionChunk> Chunks { get; } = [];

        public ScreeningSummary? Completed { get; private set; }

        public Action<DecisionChunk>? OnWrite { get; init; }

        public Func<DecisionChunk, Task>? OnWriteAsync { get; init; }

        public async ValueTask WriteAsync(DecisionChunk chunk, CancellationToken cancellationToken)
        {
            Chunks.Add(chunk);
            OnWrite?.Invoke(chunk);
            if (OnWriteAsync is not null)
            {
                await OnWriteAsync(chunk);
            }
        }

        public ValueTask CompleteAsync(ScreeningSummary summary, CancellationToken cancellationToken)
        {
            Completed = summary;
            return ValueTask.CompletedTask;
        }
    }
}
