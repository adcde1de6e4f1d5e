using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;
using EnterpriseEval.Sdk.Documents;
using Scriban.Runtime;

namespace EnterpriseEval.Engine.Documents;

/// <summary>
/// What a template may see of a model: the public instance properties of the document records, in snake_case —
/// the SDK's (namespace <c>EnterpriseEval.Sdk.Documents</c>) and those in the namespace of a registered kind's model
/// (docs/documents.md). The same rule serves the sandbox at render time and the name check at load time.
/// </summary>
internal static class ModelSchema
{
    // (assembly, namespace) pairs whose classes are model records besides the SDK's: a kind's model namespace,
    // admitted when a catalogue over its registry loads. Only trusted code (the SDK, the engine's callers) builds registries.
    private static readonly ConcurrentDictionary<(Assembly, string), bool> AdmittedNamespaces = new();
    private static volatile bool _anyAdmitted;

    private static readonly ConcurrentDictionary<Type, (string Name, PropertyInfo Property)[]> PropertiesByType = new();
    private static readonly ConcurrentDictionary<Type, FrozenDictionary<string, Type>> MembersByType = new();

    /// <summary>The member filter given to Scriban: only properties of document model records.</summary>
    internal static readonly MemberFilterDelegate Filter = IsVisible;

    /// <summary>The member renamer given to Scriban: <c>EmployeeId</c> → <c>employee_id</c>.</summary>
    internal static readonly MemberRenamerDelegate Renamer = StandardMemberRenamer.Default;

    /// <summary>
    /// Whether a type is a document model record: a class of the SDK's Documents namespace, or of the namespace of a
    /// registered kind's model (<see cref="Admit"/>).
    /// </summary>
    internal static bool IsModelType(Type type) =>
        type is { IsClass: true, IsAbstract: false }
        && ((type.Assembly == typeof(DocumentIssue).Assembly && type.Namespace == typeof(DocumentIssue).Namespace)
            || (type.Namespace is { } ns && _anyAdmitted && AdmittedNamespaces.ContainsKey((type.Assembly, ns))));

    /// <summary>Admits the namespaces of a registry's model types as model-record namespaces.</summary>
    internal static void Admit(DocumentKindRegistry kinds)
    {
        foreach (var d in kinds.Descriptors)
        {
            if (d.ModelType.Namespace is { } ns && (d.ModelType.Assembly != typeof(DocumentIssue).Assembly || ns != typeof(DocumentIssue).Namespace))
            {
                AdmittedNamespaces.TryAdd((d.ModelType.Assembly, ns), true);
                _anyAdmitted = true;
            }
        }
    }

    /// <summary>The members a template sees on a model type, by template name, with their types.</summary>
    internal static FrozenDictionary<string, Type> Members(Type modelType) =>
        MembersByType.GetOrAdd(modelType, t => Properties(t)
            .ToFrozenDictionary(p => p.Name, p => p.Property.PropertyType, StringComparer.Ordinal));

    /// <summary>The properties a template sees on a model type, with their template names; computed once per type.</summary>
    internal static (string Name, PropertyInfo Property)[] Properties(Type modelType) =>
        PropertiesByType.GetOrAdd(modelType, t => [.. t
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(IsVisible)
            .OrderBy(p => p.MetadataToken)
            .Select(p => (Renamer(p), p))]);

    /// <summary>The item type of a list a template may loop over, or null when the type is not a list.</summary>
    internal static Type? ElementType(Type type) =>
        type == typeof(string)
            ? null
            : type.GetInterfaces().Append(type)
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                ?.GetGenericArguments()[0];

    private static bool IsVisible(MemberInfo member) =>
        member is PropertyInfo { GetMethod: { IsPublic: true, IsStatic: false } } property
        && property.GetIndexParameters().Length == 0
        && property.DeclaringType is { } declaring
        && IsModelType(declaring);
}
