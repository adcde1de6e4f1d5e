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
}
