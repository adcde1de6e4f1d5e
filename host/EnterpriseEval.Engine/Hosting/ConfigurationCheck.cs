using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using EnterpriseEval.Engine.Notices;
using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Engine.Roster;
using EnterpriseEval.Engine.Screening;
using EnterpriseEval.Sdk.Screening;
using Microsoft.Extensions.Configuration;

namespace EnterpriseEval.Engine.Hosting;

/// <summary>
/// Checks, before anything runs, that every value in the engine's configuration sections converts to the type its
/// option expects (docs/security.md, "Configuration"). The configuration binder throws an English error for a bad
/// scalar and silently <em>skips</em> a bad entry of a dictionary or list — so 「CumulativeWorkYears:technician: 很多」
/// would quietly fall back to the project default, a rule the firm did not set. Every such value is named here, in
/// Chinese, with its key and value.
/// </summary>
internal static class ConfigurationCheck
{
    private static readonly (string Section, Type Type)[] Sections =
    [
        (PolicyOptions.SectionName, typeof(PolicyOptions)),
        (ScreeningOptions.SectionName, typeof(ScreeningOptions)),
        (PluginsOptions.SectionName, typeof(PluginsOptions)),
        (RosterLimits.SectionName, typeof(RosterLimits)),
        (ReviewOptions.SectionName, typeof(ReviewOptions)),
        (DocumentsOptions.SectionName, typeof(DocumentsOptions)),
    ];

    /// <summary>Every value of the engine's sections that does not convert, as one Chinese line each.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        var problems = new List<string>();
        foreach (var (section, type) in Sections)
        {
            var s = configuration.GetSection(section);
            if (s.Exists())
            {
                Check(s, type, problems, depth: 0);
            }
        }

        return problems;
    }

    /// <summary>Throws <see cref="UserFacingException"/> naming every bad value, if there is one.</summary>
    public static void ThrowIfInvalid(IConfiguration configuration)
    {
        var problems = Problems(configuration);
        if (problems.Count > 0)
        {
            throw new UserFacingException($"配置有误，未执行：{string.Join("；", problems)}");
        }
    }

    private static void Check(IConfigurationSection section, Type type, List<string> problems, int depth)
    {
        if (depth > 8)
        {
            return;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (IsScalar(target))
        {
            // A value with children where one value is expected is the binder's own business (it ignores it); only a
            // value that is there and does not convert is wrong.
            if (section.Value is { } value && !Converts(value, target, type != target))
            {
                problems.Add($"配置项 {section.Path} 的值“{value}”不是{Describe(target)}");
            }

            return;
        }

        if (DictionaryValueType(target) is { } valueType)
        {
            foreach (var child in section.GetChildren())
            {
                Check(child, valueType, problems, depth + 1);
            }

            return;
        }

        if (ElementType(target) is { } elementType)
        {
            foreach (var child in section.GetChildren())
            {
                Check(child, elementType, problems, depth + 1);
            }

            return;
        }

        if (!target.IsClass || target == typeof(object))
        {
            return;
        }

        foreach (var property in target.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || (property.SetMethod is not { IsPublic: true } && !IsCollection(property.PropertyType)))
            {
                continue;
            }

            var child = section.GetSection(property.Name);
            if (child.Exists())
            {
                Check(child, property.PropertyType, problems, depth + 1);
            }
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateOnly) ||
        type == typeof(DateTime) || type == typeof(TimeSpan) || type == typeof(TimeOnly) || type == typeof(Guid) ||
        type == typeof(Uri);

    private static bool IsCollection(Type type) => DictionaryValueType(type) is not null || ElementType(type) is not null;

    private static Type? DictionaryValueType(Type type)
    {
        var dictionary = type.IsGenericType && type.GetGenericTypeDefinition() is var d &&
            (d == typeof(Dictionary<,>) || d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>))
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        return dictionary?.GetGenericArguments()[1];
    }

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        return typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType ? type.GetGenericArguments()[0] : null;
    }

    private static bool Converts(string value, Type type, bool nullable)
    {
        if (type == typeof(string) || (nullable && value.Length == 0))
        {
            return true;
        }

        try
        {
            // The binder converts with TypeDescriptor in the invariant culture: the same test.
            _ = TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
            return true;
        }
        catch (Exception e) when (e is FormatException or NotSupportedException or ArgumentException or OverflowException)
        {
            return false;
        }
    }

    private static string Describe(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) ? "整数" :
        type == typeof(decimal) || type == typeof(double) || type == typeof(float) ? "数字" :
        type == typeof(bool) ? "true 或 false" :
        type == typeof(DateOnly) || type == typeof(DateTime) ? "日期（如 2026-12-31）" :
        type == typeof(TimeSpan) ? "时长（如 00:00:30）" :
        type.IsEnum ? $"以下取值之一：{string.Join("、", Enum.GetNames(type))}" :
        $"有效的 {type.Name.ToString(CultureInfo.InvariantCulture)}";
}
