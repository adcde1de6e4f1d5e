using System.Reflection;

namespace EnterpriseEval.Sdk.Documents;

/// <summary>
/// The document kinds, keyed by code: one <see cref="DocumentKindDescriptor"/> per kind, found by reflection over
/// the descriptor types of the given assemblies (docs/documents.md). <see cref="Default"/> holds the SDK's kinds;
/// a registry over more assemblies (a test's own kind) is built the same way and given to the engine's template
/// catalogue.
/// </summary>
internal sealed class DocumentKindRegistry
{
    private readonly Dictionary<string, DocumentKindDescriptor> _byCode;

    private DocumentKindRegistry(IReadOnlyList<DocumentKindDescriptor> descriptors)
    {
        Descriptors = descriptors;
        Kinds = [.. descriptors.Select(d => d.Kind)];
        _byCode = descriptors.ToDictionary(d => d.Code, StringComparer.Ordinal);
    }

    /// <summary>The kinds the SDK ships.</summary>
    public static DocumentKindRegistry Default { get; } = FromAssemblies(typeof(DocumentKindRegistry).Assembly);

    /// <summary>Every descriptor, by <see cref="DocumentKindDescriptor.Order"/> then code.</summary>
    public IReadOnlyList<DocumentKindDescriptor> Descriptors { get; }

    /// <summary>Every kind, in the order of <see cref="Descriptors"/>.</summary>
    public IReadOnlyList<DocumentKind> Kinds { get; }

    /// <summary>The registry of every non-abstract descriptor type in the assemblies (the SDK's own included when listed).</summary>
    /// <exception cref="InvalidOperationException">Two descriptors claim one code, or a code is not a valid kind code.</exception>
    public static DocumentKindRegistry FromAssemblies(params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        var descriptors = assemblies
            .Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(DocumentKindDescriptor).IsAssignableFrom(t))
            .Select(t => (DocumentKindDescriptor)Activator.CreateInstance(t, nonPublic: true)!)
            .OrderBy(d => d.Order)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
        foreach (var d in descriptors)
        {
            if (!DocumentKind.IsCode(d.Code))
            {
                throw new InvalidOperationException($"文书种类描述 {d.GetType().FullName} 的代码“{d.Code}”无效：只能由小写字母、数字和下划线组成并以字母开头");
            }
        }

        if (descriptors.GroupBy(d => d.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidOperationException($"文书种类代码“{twice.Key}”由多个描述重复声明：{string.Join("、", twice.Select(d => d.GetType().FullName))}");
        }

        return new(descriptors);
    }

    /// <summary>The descriptor of a kind.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No descriptor has the kind's code.</exception>
    public DocumentKindDescriptor Find(DocumentKind kind) =>
        TryFind(kind, out var descriptor)
            ? descriptor
            : throw new ArgumentOutOfRangeException(nameof(kind), kind.Code, $"未知的文书种类“{kind.Code}”，可用：{string.Join("、", Kinds)}");

    /// <summary>The descriptor of a kind, when one has its code.</summary>
    public bool TryFind(DocumentKind kind, out DocumentKindDescriptor descriptor) => _byCode.TryGetValue(kind.Code, out descriptor!);

    /// <summary>Parses a code or a Chinese name (surrounding white space ignored, codes case-insensitive).</summary>
    public bool TryParse(string? text, out DocumentKind kind)
    {
        var trimmed = text?.Trim();
        foreach (var d in Descriptors)
        {
            if (string.Equals(d.Code, trimmed, StringComparison.OrdinalIgnoreCase) || d.ChineseName == trimmed)
            {
                kind = d.Kind;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
