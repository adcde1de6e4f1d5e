namespace EnterpriseEval.Engine;

/// <summary>
/// A problem the person running the command must fix (a missing folder, an unreadable file, bad configuration).
/// Its message is one line of Chinese; the command line prints it without a stack trace and exits non-zero.
/// </summary>
internal class UserFacingException : EngineException
{
    public UserFacingException(string message)
        : base(message)
    {
    }

    public UserFacingException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
