using System.Collections.Frozen;
using EnterpriseEval.Sdk.Documents;
using Scriban;
using Scriban.Runtime;

namespace EnterpriseEval.Engine.Documents;

/// <summary>
/// The templates in use: the SDK default of every kind and format, replaced where a plug-in supplies its own. Each
/// is parsed and checked once, at load; a catalogue that loads renders without template errors of its own making.
/// </summary>
internal sealed class TemplateCatalog
{
    /// <summary>The origin named in messages about default templates.</summary>
    internal const string DefaultOrigin = "SDK 默认模板";

    private const string FunctionsOrigin = "模板函数";

    private readonly FrozenDictionary<(DocumentKind, DocumentFormat), CompiledTemplate> _templates;

    private TemplateCatalog(
        DocumentKindRegistry kinds,
        FrozenDictionary<(DocumentKind, DocumentFormat), CompiledTemplate> templates,
        ScriptObject builtins,
        ScriptObject functions,
        DocumentRenderOptions options)
    {
        Kinds = kinds;
        _templates = templates;
        Builtins = builtins;
        Functions = functions;
        Options = options;
    }

    /// <summary>The document kinds the catalogue holds templates of (docs/documents.md).</summary>
    internal DocumentKindRegistry Kinds { get; }

    /// <summary>Scriban's built-in objects (<c>string</c>, <c>array</c>, <c>date</c> …), shared read-only by all renders.</summary>
    internal ScriptObject Builtins { get; }

    /// <summary>The template functions: built-in ones and the caller's.</summary>
    internal ScriptObject Functions { get; }

    /// <summary>The options every render uses.</summary>
    internal DocumentRenderOptions Options { get; }

    /// <summary>
    /// Loads the default templates and the overrides, and checks them all.
    /// </summary>
    /// <param name="overrides">Templates that replace defaults, e.g. from plug-ins; at most one per kind and format.</param>
    /// <param name="functions">Pure functions templates may call, by name (snake_case); may be null.</param>
    /// <param name="options">Render options; <see cref="DocumentRenderOptions.Default"/> when null.</param>
    /// <param name="kinds">The document kinds; <see cref="DocumentKindRegistry.Default"/> (the SDK's) when null.</param>
    /// <exception cref="TemplateLoadException">Any template has a syntax error or names something its model lacks, a
    /// file cannot be read, two overrides claim the same kind and format, an override names a kind no descriptor
    /// declares, or a function name is not usable.</exception>
    internal static TemplateCatalog Load(
        IEnumerable<TemplateOverride> overrides,
        IReadOnlyDictionary<string, Delegate>? functions = null,
        DocumentRenderOptions? options = null,
        DocumentKindRegistry? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        kinds ??= DocumentKindRegistry.Default;
        ModelSchema.Admit(kinds);
        var errors = new List<TemplateError>();
        var builtins = TrustedInclude.Builtins();
        var reserved = builtins.Keys
            .Concat(kinds.Descriptors.SelectMany(k => ModelSchema.Members(k.ModelType).Keys))
            .ToHashSet(StringComparer.Ordinal);
        var functionObject = TemplateFunctions.Build(functions ?? FrozenDictionary<string, Delegate>.Empty, reserved, FunctionsOrigin, errors);
        var callable = builtins.Keys.Concat(functionObject.Keys).ToFrozenSet(StringComparer.Ordinal);

        var templates = new Dictionary<(DocumentKind, DocumentFormat), CompiledTemplate>();
        foreach (var kind in kinds.Descriptors)
        {
            foreach (var format in Enum.GetValues<DocumentFormat>())
            {
                templates[(kind.Kind, format)] = Compile(kind, format, kind.DefaultTemplate(format), DefaultOrigin, kind.TemplateFileName(format), includeRoot: null);
            }
        }

        var replaced = new Dictionary<(DocumentKind, DocumentFormat), TemplateOverride>();
        foreach (var o in overrides)
        {
            if (!kinds.TryFind(o.Kind, out var kind))
            {
                errors.Add(new(o.Origin, o.Path, 0, 0, $"文书种类“{o.Kind.Code}”不存在，可替换的种类：{string.Join("、", kinds.Kinds)}"));
                continue;
            }

            if (replaced.TryGetValue((o.Kind, o.Format), out var earlier))
            {
                errors.Add(new(o.Origin, o.Path, 0, 0, $"{kind.ChineseName}（{DefaultTemplates.Extension(o.Format)}）的模板已由“{earlier.Origin}”提供，不能重复替换"));
                continue;
            }

            replaced[(o.Kind, o.Format)] = o;
            if (TryRead(o, errors) is { } text)
            {
                templates[(o.Kind, o.Format)] = Compile(kind, o.Format, text, o.Origin, o.Path, o.IncludeRoot);
            }
        }

        foreach (var template in templates.Values)
        {
            errors.AddRange(TemplateValidator.Validate(template, callable));
        }

        return errors.Count > 0
            ? throw new TemplateLoadException(errors)
            : new TemplateCatalog(kinds, templates.ToFrozenDictionary(), builtins, functionObject, options ?? DocumentRenderOptions.Default);
    }

    /// <summary>The template of a kind in a format.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The catalogue's registry has no such kind.</exception>
    internal CompiledTemplate Get(DocumentKind kind, DocumentFormat format) =>
        _templates.TryGetValue((kind, format), out var template) ? template : throw new ArgumentOutOfRangeException(nameof(kind), kind.Code, $"未知的文书种类“{kind.Code}”");

    private static CompiledTemplate Compile(
        DocumentKindDescriptor kind, DocumentFormat format, string text, string origin, string file, string? includeRoot) =>
        new(kind, format, Template.Parse(text, file), origin, file, includeRoot);

    private static string? TryRead(TemplateOverride o, List<TemplateError> errors)
    {
        try
        {
            return File.ReadAllText(o.Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            errors.Add(new(o.Origin, o.Path, 0, 0, $"无法读取模板文件：{e.Message}"));
            return null;
        }
    }
}
