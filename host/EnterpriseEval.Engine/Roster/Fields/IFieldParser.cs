using System.Diagnostics.CodeAnalysis;

namespace EnterpriseEval.Engine.Roster.Fields;

/// <summary>
/// Parses one kind of roster value. Implemented by small structs so that the one validation path in
/// <see cref="RowParser"/> is specialised per kind without delegates or allocation.
/// </summary>
/// <typeparam name="T">The typed value.</typeparam>
internal interface IFieldParser<T>
{
    /// <summary>Parses trimmed, non-empty text.</summary>
    /// <param name="text">The field as written, without surrounding white space.</param>
    /// <param name="value">The value, when the text is valid.</param>
    /// <param name="reason">Why the text is not valid, in Chinese.</param>
    bool TryParse(ReadOnlySpan<char> text, [MaybeNullWhen(false)] out T value, [NotNullWhen(false)] out string? reason);
}
