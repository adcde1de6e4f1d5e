using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace EnterpriseEval.Engine.Documents;

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

    /// <summary>
    /// Scriban's built-in functions with <c>include</c> wrapped, and without <c>include_join</c>: it takes computed
    /// names, which the load-time check cannot follow.
    /// </summary>
    internal static ScriptObject Builtins()
    {
        var builtins = new TemplateContext().BuiltinObject;
        builtins.Remove("include_join");
        if (builtins["include"] is IScriptCustomFunction include)
        {
            // Built-in members are read-only: the indexer would ignore the new value.
            builtins.Remove("include");
            builtins.SetValue("include", new TrustedInclude(include), readOnly: true);
        }

        return builtins;
    }

    private static TrustedMarkup Wrap(object? rendered) => new(rendered?.ToString() ?? "");
}
