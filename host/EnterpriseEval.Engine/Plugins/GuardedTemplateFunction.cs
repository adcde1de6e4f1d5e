namespace EnterpriseEval.Engine.Plugins;

/// <summary>
/// A plug-in's template function wrapped in <see cref="PluginCall"/>: an exception it throws reaches the render error
/// as a Chinese sentence naming the plug-in and the function (docs/plugins.md, "Trust model"). <c>Func</c> delegates of up
/// to four parameters are wrapped with the same signature, so Scriban sees the same parameters; any other delegate
/// type is refused at load.
/// </summary>
internal static class GuardedTemplateFunction
{
    private static readonly Type[] Guards = [typeof(Guard0<>), typeof(Guard1<,>), typeof(Guard2<,,>), typeof(Guard3<,,,>), typeof(Guard4<,,,,>)];

    private static readonly Type[] Funcs = [typeof(Func<>), typeof(Func<,>), typeof(Func<,,>), typeof(Func<,,,>), typeof(Func<,,,,>)];

    /// <summary>The function with the same signature, guarded.</summary>
    /// <exception cref="PluginLoadException">The delegate is not a <c>Func</c> of at most four parameters.</exception>
    public static Delegate Wrap(string plugin, string name, Delegate function)
    {
        var type = function.GetType();
        var arity = Array.IndexOf(Funcs, type.IsGenericType ? type.GetGenericTypeDefinition() : type);
        if (arity < 0)
        {
            throw new PluginLoadException(plugin, $"模板函数“{name}”须为 Func<…>（至多4个参数），实际为 {type.Name}");
        }

        var guard = Activator.CreateInstance(Guards[arity].MakeGenericType(type.GetGenericArguments()), plugin, $"模板函数 {name}", function)!;
        return Delegate.CreateDelegate(type, guard, "Invoke");
    }

    private static T Call<T>(string plugin, string member, Func<T> call) => PluginCall.Run(plugin, member, call);

    private sealed class Guard0<TR>(string plugin, string member, Func<TR> f)
    {
        public TR Invoke() => Call(plugin, member, f);
    }

    private sealed class Guard1<T1, TR>(string plugin, string member, Func<T1, TR> f)
    {
        public TR Invoke(T1 a) => Call(plugin, member, () => f(a));
    }

    private sealed class Guard2<T1, T2, TR>(string plugin, string member, Func<T1, T2, TR> f)
    {
        public TR Invoke(T1 a, T2 b) => Call(plugin, member, () => f(a, b));
    }

    private sealed class Guard3<T1, T2, T3, TR>(string plugin, string member, Func<T1, T2, T3, TR> f)
    {
        public TR Invoke(T1 a, T2 b, T3 c) => Call(plugin, member, () => f(a, b, c));
    }

    private sealed class Guard4<T1, T2, T3, T4, TR>(string plugin, string member, Func<T1, T2, T3, T4, TR> f)
    {
        public TR Invoke(T1 a, T2 b, T3 c, T4 d) => Call(plugin, member, () => f(a, b, c, d));
    }
}
