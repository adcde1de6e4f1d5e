namespace EnterpriseEval.Engine.Documents;

/// <summary>Output of an included template: markup the template author wrote, so it is not escaped again.</summary>
/// <param name="Text">The rendered text.</param>
internal sealed record TrustedMarkup(string Text)
{
    /// <inheritdoc />
    public override string ToString() => Text;
}
