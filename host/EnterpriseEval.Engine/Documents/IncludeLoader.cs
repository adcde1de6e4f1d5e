using EnterpriseEval.Engine.FileSystem;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace EnterpriseEval.Engine.Documents;

/// <summary>
/// Reads included templates from one folder only (a plug-in's own); anything that resolves outside it, and any
/// include from a template without a folder (the SDK defaults), is refused.
/// </summary>
internal sealed class IncludeLoader(string? root) : ITemplateLoader
{
    private readonly string? _root = root is null ? null : Path.TrimEndingDirectorySeparator(RealPaths.Of(Path.GetFullPath(root))) + Path.DirectorySeparatorChar;

    /// <summary>
    /// The full path an include name stands for, or null with the reason (Chinese) when it is not allowed. Shared by
    /// the load-time check and the render so both refuse the same names.
    /// </summary>
    internal string? Resolve(string templateName, out string refusal)
    {
        refusal = "";
        if (_root is null)
        {
            refusal = $"此模板不允许 include（“{templateName}”）：只有插件模板可以引用其插件目录内的文件";
            return null;
        }

        var path = Path.GetFullPath(Path.Combine(_root, templateName));
        if (!path.StartsWith(_root, StringComparison.Ordinal))
        {
            refusal = $"不允许 include 插件目录以外的文件：“{templateName}”";
            return null;
        }

        if (!File.Exists(path))
        {
            refusal = $"include 的文件不存在：“{templateName}”";
            return null;
        }

        // A link inside the folder may point anywhere: the file it resolves to must be inside the folder too.
        var real = RealPaths.Of(path);
        if (!real.StartsWith(_root, StringComparison.Ordinal))
        {
            refusal = $"不允许 include 指向插件目录以外的链接：“{templateName}”";
            return null;
        }

        if (File.GetAttributes(real).HasFlag(FileAttributes.Device) || !new FileInfo(real).Exists)
        {
            refusal = $"include 的不是普通文件：“{templateName}”";
            return null;
        }

        return real;
    }

    /// <inheritdoc />
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) =>
        Resolve(templateName, out var refusal) ?? throw TemplateRuntimeError.Create(callerSpan, refusal);

    /// <inheritdoc />
    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => File.ReadAllText(templatePath);

    /// <inheritdoc />
    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
}
