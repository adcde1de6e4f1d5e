using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace EnterpriseEval.Runtime.Documents;

/// <summary>
/// Reads included templates from one folder only (a plug-in's own); anything that resolves outside it, and any
/// include from a template without a folder (the SDK defaults), is refused.
/// </summary>
internal sealed class IncludeLoader(string? root) : ITemplateLoader
{
    private readonly string? _root = root is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;

    /// <inheritdoc />
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        if (_root is null)
        {
            throw new ScriptRuntimeException(callerSpan, $"此模板不允许 include（“{templateName}”）：只有插件模板可以引用其插件目录内的文件");
        }

        var path = Path.GetFullPath(Path.Combine(_root, templateName));
        if (!path.StartsWith(_root, StringComparison.Ordinal))
        {
            throw new ScriptRuntimeException(callerSpan, $"不允许 include 插件目录以外的文件：“{templateName}”");
        }

        return path;
    }

    /// <inheritdoc />
    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        File.Exists(templatePath)
            ? File.ReadAllText(templatePath)
            : throw new ScriptRuntimeException(callerSpan, $"include 的文件不存在：“{Path.GetFileName(templatePath)}”");

    /// <inheritdoc />
    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
}
