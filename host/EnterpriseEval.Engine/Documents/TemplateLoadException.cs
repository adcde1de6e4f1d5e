namespace EnterpriseEval.Engine.Documents;

/// <summary>Templates that cannot be used: syntax errors, names the model lacks, unreadable files. Lists every error.</summary>
internal sealed class TemplateLoadException : Exception
{
    /// <summary>Creates the exception from the errors found.</summary>
    public TemplateLoadException(IReadOnlyList<TemplateError> errors)
        : base($"文档模板加载失败，共{errors.Count}处错误：{Environment.NewLine}{string.Join(Environment.NewLine, errors)}")
    {
        Errors = errors;
    }

    /// <summary>Every error, in the order found.</summary>
    public IReadOnlyList<TemplateError> Errors { get; }
}
