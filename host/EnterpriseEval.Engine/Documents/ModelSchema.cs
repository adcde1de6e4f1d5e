using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;
using EnterpriseEval.Sdk.Documents;
using Scriban.Runtime;

namespace EnterpriseEval.Engine.Documents;

/// <summary>
/// What a template may see of a model: the public instance properties of the SDK's document records, in
/// snake_case. The same rule serves the sandbox at render time and the name check at load time.
/// </summary>
internal static class ModelSchema
{
    private static readonly ConcurrentDictionary<Type, (string Name, PropertyInfo Property)[]> PropertiesByType = new();
    private static readonly ConcurrentDictionary<Type, FrozenDictionary<string, Type>> MembersByType = new();

    /// <summary>The member filter given to Scriban: only properties of document model records.</summary>
    internal static readonly MemberFilterDelegate Filter = IsVisible;

    /// <summary>The member renamer given to Scriban: <c>EmployeeId</c> → <c>employee_id</c>.</summary>
    internal static readonly MemberRenamerDelegate Renamer = StandardMemberRenamer.Default;

    /// <summary>Whether a type is a document model record (a class of the SDK's Documents namespace).</summary>
    internal static bool IsModelType(Type type) =>
        type.Assembly == typeof(DocumentIssue).Assembly
        && type.Namespace == typeof(DocumentIssue).Namespace
        && type is { IsClass: true, IsAbstract: false };

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
