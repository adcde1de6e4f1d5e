using System.Reflection;
using System.Text;

namespace EnterpriseEval.Sdk.Tests.Api;

/// <summary>A stable, sorted text listing of an assembly's public types and members, nullability included.</summary>
internal static class PublicApi
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance |
        BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly NullabilityInfoContext Nullability = new();

    public static string Describe(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(Header(type)).Append('\n');
            foreach (var line in Members(type).Order(StringComparer.Ordinal))
            {
                text.Append("  ").Append(line).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Header(Type t)
    {
        var kind = t.IsEnum ? "enum" : t.IsInterface ? "interface" : t.IsValueType ? "struct"
            : t.IsAbstract && t.IsSealed ? "static class" : t.IsSealed ? "sealed class" : t.IsAbstract ? "abstract class" : "class";
        var bases = new List<string>();
        if (t.BaseType is { } b && b != typeof(object) && b != typeof(Enum) && b != typeof(ValueType))
        {
            bases.Add(Name(b));
        }

        bases.AddRange(t.GetInterfaces().Where(i => i.IsPublic).Select(Name).Where(n => !n.StartsWith("System.IEquatable", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        return $"{kind} {Name(t)}{(bases.Count > 0 ? " : " + string.Join(", ", bases) : "")}";
    }

    private static IEnumerable<string> Members(Type t)
    {
        if (t.IsEnum)
        {
            foreach (var name in Enum.GetNames(t))
            {
                yield return $"value {name} = {Convert.ToInt64(Enum.Parse(t, name), System.Globalization.CultureInfo.InvariantCulture)}";
            }

            yield break;
        }

        foreach (var m in t.GetMembers(Declared))
        {
            switch (m)
            {
                case ConstructorInfo c when Visible(c):
                    yield return $"ctor({Parameters(c)})";
                    break;
                case MethodInfo me when Visible(me) && !me.IsSpecialName && !IsCompilerGenerated(me):
                    yield return $"method {(me.IsStatic ? "static " : "")}{ReturnType(me)} {me.Name}{Generic(me)}({Parameters(me)})";
                    break;
                case PropertyInfo p when (p.GetMethod is { } g && Visible(g)) || (p.SetMethod is { } s && Visible(s)):
                    yield return $"property {(p.GetMethod?.IsStatic == true ? "static " : "")}{TypeOf(Nullability.Create(p))} {p.Name} {{{Accessors(p)}}}";
                    break;
                case FieldInfo f when (f.IsPublic || f.IsFamily) && !t.IsEnum:
                    yield return $"field {(f.IsLiteral ? "const " : f.IsStatic ? "static " : "")}{TypeOf(Nullability.Create(f))} {f.Name}";
                    break;
                case EventInfo e when e.AddMethod is { } a && Visible(a):
                    yield return $"event {Name(e.EventHandlerType!)} {e.Name}";
                    break;
            }
        }
    }

    private static bool Visible(MethodBase m) => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly;

    private static bool IsCompilerGenerated(MethodInfo m) =>
        m.Name is "<Clone>$" or "PrintMembers" or "Deconstruct" ? m.Name != "Deconstruct" : false;

    private static string Accessors(PropertyInfo p)
    {
        var parts = new List<string>();
        if (p.GetMethod is { } g && Visible(g))
        {
            parts.Add("get;");
        }

        if (p.SetMethod is { } s && Visible(s))
        {
            var init = s.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");
            parts.Add(init ? "init;" : "set;");
        }

        return " " + string.Join(" ", parts) + " ";
    }

    private static string ReturnType(MethodInfo m) => TypeOf(Nullability.Create(m.ReturnParameter));

    private static string Parameters(MethodBase m) =>
        string.Join(", ", m.GetParameters().Select(p => $"{(p.IsDefined(typeof(ParamArrayAttribute)) ? "params " : "")}{TypeOf(Nullability.Create(p))} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : "")}"));

    private static string Generic(MethodInfo m) =>
        m.IsGenericMethodDefinition
            ? "<" + string.Join(", ", m.GetGenericArguments().Select(a => a.Name + Constraints(a))) + ">"
            : "";

    private static string Constraints(Type a)
    {
        var c = a.GetGenericParameterConstraints().Select(Name).ToList();
        var attrs = a.GenericParameterAttributes;
        if (attrs.HasFlag(GenericParameterAttributes.ReferenceTypeConstraint))
        {
            c.Insert(0, "class");
        }

        if (attrs.HasFlag(GenericParameterAttributes.NotNullableValueTypeConstraint))
        {
            c.Insert(0, "struct");
        }
        else if (attrs.HasFlag(GenericParameterAttributes.DefaultConstructorConstraint))
        {
            c.Add("new()");
        }

        return c.Count > 0 ? " : " + string.Join(" ", c.Where(x => x != "System.ValueType")) : "";
    }

    private static string TypeOf(NullabilityInfo n)
    {
        var t = n.Type;
        string name;
        if (Nullable.GetUnderlyingType(t) is { } under)
        {
            return Name(under) + "?";
        }

        if (t.IsArray && n.ElementType is { } element)
        {
            name = TypeOf(element) + "[]";
        }
        else if (t.IsGenericType && n.GenericTypeArguments.Length > 0)
        {
            var def = t.GetGenericTypeDefinition().FullName!;
            name = def[..def.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", n.GenericTypeArguments.Select(TypeOf)) + ">";
        }
        else
        {
            name = Name(t);
        }

        return n.ReadState == NullabilityState.Nullable && !t.IsValueType ? name + "?" : name;
    }

    private static string Name(Type t)
    {
        if (t.IsGenericParameter)
        {
            return t.Name;
        }

        if (t.IsGenericType)
        {
            var def = (t.IsGenericTypeDefinition ? t : t.GetGenericTypeDefinition()).FullName!;
            return def[..def.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", t.GetGenericArguments().Select(Name)) + ">";
        }

        if (t.IsByRef)
        {
            return "ref " + Name(t.GetElementType()!);
        }

        return t.FullName ?? t.Name;
    }
}
