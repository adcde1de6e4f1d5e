namespace EnterpriseEval.Engine.Roster.Fields;

/// <summary>The shape of <c>Vocabulary.TryParse</c> and <c>Vocabulary.TryParseYesNo</c>.</summary>
internal delegate bool TryParseText<T>(string? text, out T value);
