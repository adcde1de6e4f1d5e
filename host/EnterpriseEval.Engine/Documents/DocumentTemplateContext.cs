using System.Collections.Concurrent;
using System.Globalization;
using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Model;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace EnterpriseEval.Engine.Documents;

/// <summary>
/// The sandbox one document renders in: strict variables, loop and recursion limits, member access limited to
/// the model, includes from the template's own folder only, and every printed value formatted and escaped for
/// the output format — so a template author cannot forget to escape.
/// </summary>
internal sealed class DocumentTemplateContext : TemplateContext
{
    private static readonly ConcurrentDictionary<(Type, bool), IObjectAccessor?> SharedAccessors = new();

    private readonly DocumentFormat _format;
    private readonly bool _maskIdentityNumbers;
    private readonly ConcurrentDictionary<string, Template> _includeCache;

    /// <summary>Creates a context for renders of <paramref name="template"/>, with the template functions in scope.</summary>
    public DocumentTemplateContext(ScriptObject builtins, ScriptObject functions, CompiledTemplate template, DocumentRenderOptions options)
        : base(builtins)
    {
        _format = template.Format;
        _maskIdentityNumbers = options.MaskIdentityNumbers;
        _includeCache = template.IncludeCache;
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        LoopLimit = options.LoopLimit;
        RecursiveLimit = options.RecursiveLimit;

        // A document that outgrows its limit fails with a message; Scriban's default is to cut it silently.
        OutputLimit = options.OutputLimit;
        OnOutputLimit = ScriptLimitBehavior.Throw;
        OnStringLimit = ScriptLimitBehavior.Throw;
        MemberFilter = ModelSchema.Filter;
        MemberRenamer = ModelSchema.Renamer;
        TemplateLoader = new IncludeLoader(template.IncludeRoot);
        NewLine = "\n";
        PushCulture(CultureInfo.InvariantCulture);
        PushGlobal(functions);
    }

    /// <summary>Prints a value: formatted for a notice, then escaped for the format (included markup excepted).</summary>
    public override TemplateContext Write(SourceSpan span, object? textAsObject) => textAsObject switch
    {
        null => this,
        TrustedMarkup markup => base.Write(span, markup.Text),
        _ when IsRecord(textAsObject) => throw WholeRecord(span, textAsObject),
        _ => base.Write(span, OutputEscaper.Escape(_format, ObjectToString(textAsObject))),
    };

    /// <summary>
    /// Dates as 2026年11月24日, amounts as 1,200.00, vocabulary values by their Chinese names; everything else as
    /// Scriban prints it under the invariant culture.
    /// </summary>
    public override string ObjectToString(object? value, bool nested = false) => value switch
    {
        DateOnly date => ChineseDate.Format(date),
        decimal amount => ChineseAmount.ToFigure(amount),
        SkillLevel level => level.ToChinese(),
        TitleLevel level => level.ToChinese(),
        TitleSeries series => series.ToChinese(),
        ScreeningPath path => path.ToChinese(),
        Outcome outcome => outcome.ToChinese(),
        PostCategory category => category.ToChinese(),
        DocumentKind kind => kind.ToChinese(),
        TrustedMarkup markup => markup.Text,
        _ when IsRecord(value) => throw WholeRecord(CurrentNode?.Span ?? default, value!),
        _ => base.ObjectToString(value, nested) ?? "",
    };

    // A model record or a list printed whole would show every field, the identity number among them
    // (docs/security.md, "Privacy"); a notice prints fields.
    private static bool IsRecord(object? value) =>
        value is not null and not string && (ModelSchema.IsModelType(value.GetType()) || value is System.Collections.IEnumerable);

    private static ScriptRuntimeException WholeRecord(SourceSpan span, object value) => TemplateRuntimeError.Create(
        span,
        $"不能直接输出整个{(value is System.Collections.IEnumerable ? "列表" : $"记录（{value.GetType().Name}）")}：请输出其中的字段，例如 employee.name");

    /// <summary>
    /// Accessors of model records are built once per type and shared by all renders (the filter and renamer never
    /// change), instead of once per document; a person's accessor masks the identity number when configured.
    /// </summary>
    protected override IObjectAccessor? GetMemberAccessorImpl(object target)
    {
        var type = target.GetType();
        if (!ModelSchema.IsModelType(type))
        {
            return base.GetMemberAccessorImpl(target);
        }

        var key = (type, _maskIdentityNumbers);
        if (!SharedAccessors.TryGetValue(key, out var accessor))
        {
            accessor = base.GetMemberAccessorImpl(target);
            if (_maskIdentityNumbers && target is DocumentPerson && accessor is not null)
            {
                accessor = new MaskingPersonAccessor(accessor);
            }

            accessor = SharedAccessors.GetOrAdd(key, accessor);
        }

        return accessor;
    }

    /// <summary>Included files are parsed once per template, not once per document.</summary>
    protected override Template CreateTemplate(string templatePath, ScriptNode? callerContext) =>
        _includeCache.GetOrAdd(templatePath, path => base.CreateTemplate(path, callerContext));
}
