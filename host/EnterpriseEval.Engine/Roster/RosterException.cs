namespace EnterpriseEval.Engine.Roster;

/// <summary>
/// A roster problem that stops the import (missing folder or file, unreadable file, a required column missing).
/// <see cref="Exception.Message"/> is one line of Chinese naming the file, for the person running the review.
/// </summary>
internal sealed class RosterException : EngineException
{
    public RosterException(string message)
        : base(message)
    {
    }

    public RosterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The roster file the problem is in, where one is known (the HTTP API names it, docs/service.md).</summary>
    public string? File { get; init; }

    /// <summary>The row (1 = the header) the problem is on, where one is known.</summary>
    public int? Row { get; init; }

    /// <summary>The column the problem is in, as a person names it, where one is known.</summary>
    public string? Column { get; init; }
}
