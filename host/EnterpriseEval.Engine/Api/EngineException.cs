namespace EnterpriseEval.Engine;

/// <summary>
/// A problem the person using the engine must see and fix: a roster that cannot be read, a plug-in refused, a template
/// that does not load or render, a folder that cannot be written. <see cref="Exception.Message"/> is one line of
/// Chinese naming the file (row, column) where there is one.
/// </summary>
public class EngineException : Exception
{
    /// <summary>Creates the exception with its Chinese message.</summary>
    /// <param name="message">One line of Chinese, naming the file where there is one.</param>
    public EngineException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its Chinese message and the error behind it.</summary>
    /// <param name="message">One line of Chinese, naming the file where there is one.</param>
    /// <param name="innerException">The error behind it.</param>
    public EngineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
