using EnterpriseEval.Sdk.Documents;
using Scriban;
using Scriban.Syntax;

namespace EnterpriseEval.Engine.Documents;

/// <summary>
/// Checks a parsed template against its model before any document is rendered: every name must be a model
/// variable, a function, a loop variable or a variable the template assigns; every member must exist on the model
/// record it is read from. Strict variables would only find these when a notice is printed; this finds them at load.
/// </summary>
internal sealed class TemplateValidator
{
    // Scriban's loop objects (for.index, while.index, tablerow.col).
    private static readonly HashSet<string> LoopObjects = ["for", "while", "tablerow"];

    private readonly CompiledTemplate _template;
    private readonly string _file;
    private readonly HashSet<string> _including;
    private readonly IReadOnlyDictionary<string, Type> _rootMembers;
    private readonly IReadOnlySet<string> _functions;
    private readonly HashSet<string> _assigned = new(StringComparer.Ordinal);
    private readonly List<TemplateError> _errors = [];

    private TemplateValidator(CompiledTemplate template, string file, IReadOnlySet<string> functions, HashSet<string> including)
    {
        _template = template;
        _file = file;
        _including = including;
        _rootMembers = ModelSchema.Members(template.Descriptor.ModelType);
        _functions = functions;
    }

    /// <summary>
    /// The errors in a template: Scriban's syntax errors, or, when it parsed, the names and members its model lacks.
    /// </summary>
    /// <param name="template">The parsed template.</param>
    /// <param name="functions">Every function and built-in object name a template may call.</param>
    internal static IReadOnlyList<TemplateError> Validate(CompiledTemplate template, IReadOnlySet<string> functions)
    {
        var validator = new TemplateValidator(template, template.File, functions, [template.File]);
        validator.Check(template.Template, scope: null);
        return validator._errors;
    }

    private void Check(Template parsed, Scope? scope)
    {
        if (parsed.HasErrors)
        {
            foreach (var message in parsed.Messages)
            {
                Error(message.Span.Start.Line, message.Span.Start.Column, $"语法错误：{message.Message}");
            }

            return;
        }

        CollectAssigned(parsed.Page);
        Visit(parsed.Page, scope, lenient: false);
        foreach (var (node, problem) in OutputContexts.Check(parsed.Page, _template.Format))
        {
            Error(node, problem);
        }
    }

    // The included file is checked now, with the names in scope where it is included; so its name must be a literal.
    private void CheckInclude(ScriptFunctionCall call, Scope? scope)
    {
        if (call.Arguments is not [ScriptLiteral { Value: string name }, ..])
        {
            Error(call, "include 的文件名必须写成字符串常量，以便在加载时检查被引用的文件");
            return;
        }

        var path = new IncludeLoader(_template.IncludeRoot).Resolve(name, out var refusal);
        if (path is null)
        {
            Error(call, refusal);
            return;
        }

        if (!_including.Add(path))
        {
            return; // already checked, or including itself: the recursion limit stops that at render
        }

        var included = new TemplateValidator(_template, path, _functions, _including);
        included._assigned.UnionWith(_assigned);
        included.Check(Template.Parse(File.ReadAllText(path), path), scope);
        _errors.AddRange(included._errors);
    }

    private void CollectAssigned(ScriptNode? node)
    {
        switch (node)
        {
            case null:
                return;
            case ScriptAssignExpression { Target: ScriptVariableGlobal variable }:
                _assigned.Add(variable.Name);
                break;
            case ScriptCaptureStatement { Target: ScriptVariableGlobal variable }:
                _assigned.Add(variable.Name);
                break;
            case ScriptFunction { NameOrDoToken: ScriptVariable name }:
                _assigned.Add(name.Name);
                break;
        }

        foreach (var child in node.Children)
        {
            CollectAssigned(child);
        }
    }

    // Returns the model type of an expression when it is known, so member access can be checked against it.
    private Type? Visit(ScriptNode? node, Scope? scope, bool lenient)
    {
        switch (node)
        {
            case null:
                return null;
            case ScriptVariableGlobal variable:
                return ResolveVariable(variable, scope, lenient);
            case ScriptMemberExpression member:
                return ResolveMember(member, scope, lenient);
            case ScriptForStatement loop:
                var element = Visit(loop.Iterator, scope, lenient) is { } iterated ? ModelSchema.ElementType(iterated) : null;
                foreach (var argument in loop.NamedArguments ?? [])
                {
                    Visit(argument, scope, lenient);
                }

                Visit(loop.Body, loop.Variable is ScriptVariable v ? new Scope(v.Name, element, scope) : scope, lenient);
                Visit(loop.Else, scope, lenient);
                return null;
            case ScriptAssignExpression assign:
                // Renders share Scriban's built-in objects (date.format …) across threads: a template may set its own
                // variables only, never a member of an object.
                if (assign.Target is { } target and not ScriptVariable)
                {
                    Error(target, $"模板只能给自己的变量赋值，不能修改“{target}”");
                }

                Visit(assign.Value, scope, lenient);
                return null;
            case ScriptCaptureStatement capture:
                Visit(capture.Body, scope, lenient);
                return null;
            case ScriptFunction function:
                var inner = scope;
                foreach (var parameter in function.Parameters ?? [])
                {
                    if (parameter.Name is { } name)
                    {
                        inner = new Scope(name.Name, null, inner);
                    }
                }

                Visit(function.Body, inner, lenient);
                return null;
            case ScriptFunctionCall { Target: ScriptVariableGlobal { Name: "include" } } include:
                CheckInclude(include, scope);
                foreach (var argument in include.Arguments)
                {
                    Visit(argument, scope, lenient);
                }

                return null;
            case ScriptExpressionStatement { Expression: not ScriptAssignExpression } statement:
                // A record or a list printed whole would show every field, the identity number among them.
                if (Visit(statement.Expression, scope, lenient) is { } printed
                    && (ModelSchema.IsModelType(printed) || ModelSchema.ElementType(printed) is not null))
                {
                    Error(statement, $"不能直接输出整个{(ModelSchema.IsModelType(printed) ? $"记录（{printed.Name}）" : "列表")}：请输出其中的字段，例如 employee.name");
                }

                return null;
            case ScriptWithStatement with:
                // Inside `with x`, bare names are members of x: not checked.
                Visit(with.Name, scope, lenient);
                Visit(with.Body, scope, lenient: true);
                return null;
            default:
                foreach (var child in node.Children)
                {
                    Visit(child, scope, lenient);
                }

                return null;
        }
    }

    private Type? ResolveVariable(ScriptVariableGlobal variable, Scope? scope, bool lenient)
    {
        for (var s = scope; s is not null; s = s.Parent)
        {
            if (s.Name == variable.Name)
            {
                return s.Type;
            }
        }

        if (_rootMembers.TryGetValue(variable.Name, out var type))
        {
            return type;
        }

        if (!lenient && !_assigned.Contains(variable.Name) && !_functions.Contains(variable.Name) && !LoopObjects.Contains(variable.Name))
        {
            Error(variable, $"变量“{variable.Name}”在{_template.Descriptor.ChineseName}的文档模型（{_template.Descriptor.ModelType.Name}）中不存在");
        }

        return null;
    }

    private Type? ResolveMember(ScriptMemberExpression member, Scope? scope, bool lenient)
    {
        var target = Visit(member.Target, scope, lenient);
        if (target is null || member.Member is not { Name: var name })
        {
            return null;
        }

        if (ModelSchema.IsModelType(target))
        {
            if (ModelSchema.Members(target).TryGetValue(name, out var type))
            {
                return type;
            }

            Error(member.Member, $"“{member.Target}”（{target.Name}）没有成员“{name}”");
            return null;
        }

        if (name == "size" && ModelSchema.ElementType(target) is not null)
        {
            return typeof(int);
        }

        Error(member.Member, $"“{member.Target}”不是文档模型中的记录，不能读取其成员“{name}”");
        return null;
    }

    private void Error(ScriptNode node, string message) => Error(node.Span.Start.Line, node.Span.Start.Column, message);

    // Scriban counts lines and columns from 0; people count from 1.
    private void Error(int line, int column, string message) =>
        _errors.Add(new(_template.Origin, _file, line + 1, column + 1, message));

    private sealed record Scope(string Name, Type? Type, Scope? Parent);
}
