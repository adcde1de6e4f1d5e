namespace EnterpriseEval.Sdk.Testing;

/// <summary>
/// Thrown by the test kit when a plug-in does not do what a test expects, or would not load in the host. The message
/// is Chinese first, then English, and shows what was found; any test framework reports it as a failure.
/// </summary>
public sealed class PluginAssertionException : Exception
{
    /// <summary>Creates the exception with an empty message.</summary>
    public PluginAssertionException()
    {
    }

    /// <summary>Creates the exception with the message shown to the test author.</summary>
    /// <param name="message">What failed and what was found.</param>
    public PluginAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the message shown to the test author and the error that caused it.</summary>
    /// <param name="message">What failed and what was found.</param>
    /// <param name="innerException">The engine's own error.</param>
    public PluginAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
