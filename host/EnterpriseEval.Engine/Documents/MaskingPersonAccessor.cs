using EnterpriseEval.Sdk.Documents;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace EnterpriseEval.Engine.Documents;

/// <summary>
/// Reads a <see cref="DocumentPerson"/> with its identity number masked, so no template can print it in full
/// unless configuration allows it.
/// </summary>
internal sealed class MaskingPersonAccessor(IObjectAccessor inner) : IObjectAccessor
{
    private static readonly string IdNumberName =
        ModelSchema.Renamer(typeof(DocumentPerson).GetProperty(nameof(DocumentPerson.IdNumber))!);

    /// <inheritdoc />
    public bool HasIndexer => inner.HasIndexer;

    /// <inheritdoc />
    public Type? IndexType => inner.IndexType;

    /// <inheritdoc />
    public int GetMemberCount(TemplateContext context, SourceSpan span, object target) => inner.GetMemberCount(context, span, target);

    /// <inheritdoc />
    public IEnumerable<string> GetMembers(TemplateContext context, SourceSpan span, object target) => inner.GetMembers(context, span, target);

    /// <inheritdoc />
    public bool HasMember(TemplateContext context, SourceSpan span, object target, string member) => inner.HasMember(context, span, target, member);

    /// <inheritdoc />
    public bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value)
    {
        if (!inner.TryGetValue(context, span, target, member, out value))
        {
            return false;
        }

        if (member == IdNumberName && value is string idNumber)
        {
            value = IdentityNumber.Mask(idNumber);
        }

        return true;
    }

    /// <inheritdoc />
    public bool TrySetValue(TemplateContext context, SourceSpan span, object target, string member, object? value) => false;

    /// <inheritdoc />
    public bool TryGetItem(TemplateContext context, SourceSpan span, object target, object index, out object? value) =>
        index is string member
            ? TryGetValue(context, span, target, member, out value) // employee["id_number"] is masked too
            : inner.TryGetItem(context, span, target, index, out value);

    /// <inheritdoc />
    public bool TrySetItem(TemplateContext context, SourceSpan span, object target, object index, object? value) => false;
}
