namespace EnterpriseEval.Engine.Documents;

/// <summary>One problem found in a template at load time, located by origin, file, line and column (1-based).</summary>
/// <param name="Origin">Who supplies the template: a plug-in id, or the SDK for a default template.</param>
/// <param name="File">The template file.</param>
/// <param name="Line">The line, from 1; 0 when the problem has no position.</param>
/// <param name="Column">The column, from 1; 0 when the problem has no position.</param>
/// <param name="Message">What is wrong, in Chinese.</param>
internal sealed record TemplateError(string Origin, string File, int Line, int Column, string Message)
{
    /// <summary>The error as a person reads it: <c>插件 acme：notice.sbn 第3行第12列：…</c>.</summary>
    public override string ToString() =>
        Line > 0 ? $"{Origin}：{File} 第{Line}行第{Column}列：{Message}" : $"{Origin}：{File}：{Message}";
}
