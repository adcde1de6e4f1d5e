using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace EnterpriseEval.Runtime.Documents;

/// <summary>
/// Wraps Scriban's <c>include</c>: the included template escapes its own values, so its output is marked as
/// markup and printed as it is rather than escaped a second time.
/// </summary>
internal sealed class TrustedInclude(IScriptCustomFunction include) : IScriptCustomFunction
{
    /// <inheritdoc />
    public int RequiredParameterCount => include.RequiredParameterCount;

    /// <inheritdoc />
    public int ParameterCount => include.ParameterCount;

    /// <inheritdoc />
    public ScriptVarParamKind VarParamKind => include.VarParamKind;

    /// <inheritdoc />
    public Type ReturnType => typeof(TrustedMarkup);

    /// <inheritdoc />
    public ScriptParameterInfo GetParameterInfo(int index) => include.GetParameterInfo(index);

    /// <inheritdoc />
    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        Wrap(include.Invoke(context, callerContext, arguments, blockStatement));

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        Wrap(await include.InvokeAsync(context, callerContext, arguments, blockStatement).ConfigureAwait(false));

    /// <summary>A copy of Scriban's built-in functions whose <c>include</c> functions are wrapped.</summary>
    internal static ScriptObject Builtins()
    {
        var builtins = new TemplateContext().BuiltinObject;
        foreach (var name in new[] { "include", "include_join" })
        {
            if (builtins[name] is IScriptCustomFunction function)
            {
                // Built-in members are read-only: the indexer would ignore the new value.
                builtins.Remove(name);
                builtins.SetValue(name, new TrustedInclude(function), readOnly: true);
            }
        }

        return builtins;
    }

    private static TrustedMarkup Wrap(object? rendered) => new(rendered?.ToString() ?? "");
}
