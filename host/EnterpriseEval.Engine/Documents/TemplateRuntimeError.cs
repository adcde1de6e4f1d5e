using Scriban.Parsing;
using Scriban.Syntax;

namespace EnterpriseEval.Engine.Documents;

/// <summary>
/// A render error the runtime raises itself, with a Chinese message meant to be shown as it is (a whole record printed,
/// an include refused); any other Scriban error is Scriban's English and <see cref="DocumentRenderer"/> labels it.
/// </summary>
internal static class TemplateRuntimeError
{
    private const string Key = "EnterpriseEval.ChineseMessage";

    /// <summary>An error at <paramref name="span"/> whose message is already Chinese.</summary>
    internal static ScriptRuntimeException Create(SourceSpan span, string message)
    {
        var error = new ScriptRuntimeException(span, message);
        error.Data[Key] = true;
        return error;
    }

    /// <summary>Whether the error was made by <see cref="Create"/>.</summary>
    internal static bool IsOwn(ScriptRuntimeException error) => error.Data.Contains(Key);
}
