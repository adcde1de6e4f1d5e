namespace EnterpriseEval.Engine;

/// <summary>
/// Where a run's results go (docs/architecture.md, "The engine"): result files, a review store, memory, an HTTP
/// response. The engine hands over the chunks in roster order, one call at a time, on a task of its own while it
/// screens the next chunks; then, once every chunk is written and the roster fully read, <see cref="CompleteAsync"/>.
/// A run that fails or is cancelled never calls <see cref="CompleteAsync"/>.
/// </summary>
public interface IDecisionSink
{
    /// <summary>Takes one screened chunk. The engine waits for it before handing over the next.</summary>
    /// <param name="chunk">The chunk; the sink may keep it.</param>
    /// <param name="cancellationToken">Cancelled when the run is cancelled or has failed elsewhere.</param>
    /// <returns>A task that completes when the chunk is taken.</returns>
    ValueTask WriteAsync(DecisionChunk chunk, CancellationToken cancellationToken);

    /// <summary>Ends a successful run: every chunk has been written.</summary>
    /// <param name="summary">What the run read and screened (rows, rejects, warnings).</param>
    /// <param name="cancellationToken">Cancelled when the run is cancelled.</param>
    /// <returns>A task that completes when the sink has finished (e.g. its files are published).</returns>
    ValueTask CompleteAsync(ScreeningSummary summary, CancellationToken cancellationToken);
}

/// <summary>
/// A sink that can throw away what it was given and start again. The engine streams a CSV roster only into such a sink:
/// when a table turns out, part-way through, not to follow the order of <c>employees.csv</c>, the roster is read whole
/// and the run starts again (docs/roster.md).
/// </summary>
internal interface IRestartableSink
{
    /// <summary>Forgets every chunk written so far.</summary>
    void Restart();
}
