using System.Runtime.ExceptionServices;
using EnterpriseEval.Sdk.Documents;
using Scriban.Runtime;
using Scriban.Syntax;

namespace EnterpriseEval.Engine.Documents;

/// <summary>
/// Renders document models with the catalogue's templates, each document in a sandboxed context with its own
/// variables and output (contexts are reused after a clean render).
/// </summary>
internal sealed class DocumentRenderer(TemplateCatalog catalog)
{
    /// <summary>The document kinds of the catalogue (names, addressees).</summary>
    internal DocumentKindRegistry Kinds => catalog.Kinds;

    /// <summary>Renders one document: for HTML the notice's <c>&lt;article&gt;</c>, for Markdown the whole text.</summary>
    /// <param name="kind">The document kind.</param>
    /// <param name="format">The output format.</param>
    /// <param name="model">The kind's model (<see cref="DocumentKindDescriptor.ModelType"/>).</param>
    /// <exception cref="ArgumentException">The model is not the kind's model type.</exception>
    /// <exception cref="DocumentRenderException">The template hit a sandbox limit or a function failed.</exception>
    internal string Render(DocumentKind kind, DocumentFormat format, object model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var template = catalog.Get(kind, format);
        var modelType = template.Descriptor.ModelType;
        if (!modelType.IsInstanceOfType(model))
        {
            throw new ArgumentException($"{template.Descriptor.ChineseName}的文档模型应为 {modelType.Name}，实际为 {model.GetType().Name}。", nameof(model));
        }

        if (!template.IdleContexts.TryTake(out var context))
        {
            context = new DocumentTemplateContext(catalog.Builtins, catalog.Functions, template, catalog.Options);
        }

        // The model's properties become the template's variables; reflection over the type is done once, not per document.
        var variables = new ScriptObject();
        foreach (var (name, property) in ModelSchema.Properties(modelType))
        {
            variables.SetValue(name, property.GetValue(model), readOnly: false);
        }

        // Each document gets its own variables and output; the context returns to the pool only after a clean
        // render, so nothing a document assigned or printed is seen by the next one.
        context.PushGlobal(variables);
        context.PushOutput();
        try
        {
            var text = template.Template.Render(context);
            context.PopOutput();
            context.PopGlobal();
            template.IdleContexts.Add(context);
            return text;
        }
        catch (ScriptRuntimeException e)
        {
            throw new DocumentRenderException(
                new(template.Origin, FileOf(e, template), e.Span.Start.Line + 1, e.Span.Start.Column + 1, Explain(e)), e);
        }
    }

    /// <summary>
    /// Renders many documents of one kind, in parallel from <see cref="DocumentRenderOptions.ParallelThreshold"/>
    /// on; the result is in the order of <paramref name="models"/> whatever the scheduling.
    /// </summary>
    internal string[] RenderAll(DocumentKind kind, DocumentFormat format, IReadOnlyList<object> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        var rendered = new string[models.Count];
        if (models.Count < catalog.Options.ParallelThreshold)
        {
            for (var i = 0; i < models.Count; i++)
            {
                rendered[i] = Render(kind, format, models[i]);
            }
        }
        else
        {
            try
            {
                Parallel.For(0, models.Count, i => rendered[i] = Render(kind, format, models[i]));
            }
            catch (AggregateException e)
            {
                // Callers see the same exception a sequential render would give.
                ExceptionDispatchInfo.Throw(e.Flatten().InnerExceptions[0]);
            }
        }

        return rendered;
    }

    // An error inside an included file is located in that file.
    private static string FileOf(ScriptRuntimeException e, CompiledTemplate template) =>
        string.IsNullOrEmpty(e.Span.FileName) ? template.File : e.Span.FileName;

    // Scriban reports limits and errors in English; the reviewer reads Chinese.
    private string Explain(ScriptRuntimeException e)
    {
        var message = e.OriginalMessage;
        if (message.Contains("iteration limit", StringComparison.OrdinalIgnoreCase))
        {
            return $"循环次数超过上限（{catalog.Options.LoopLimit}次），模板可能含有死循环";
        }

        if (message.Contains("output limit", StringComparison.OrdinalIgnoreCase) || message.Contains("string limit", StringComparison.OrdinalIgnoreCase)
            || message.Contains("LimitToString", StringComparison.Ordinal) || message.Contains("OutputLimit", StringComparison.Ordinal))
        {
            return $"文档内容超过上限（{catalog.Options.OutputLimit:N0}个字符），未生成；模板可能在循环中输出了过多内容";
        }

        if (message.Contains("recursive", StringComparison.OrdinalIgnoreCase))
        {
            return $"调用或引用嵌套超过上限（{catalog.Options.RecursiveLimit}层），模板可能含有无限递归";
        }

        // Scriban's own messages are English even when they quote a Chinese value or full-width digits (e.g.
        // "Unexpected `张伟`. Must be a formattable object"): only the runtime's own are shown as they are.
        return TemplateRuntimeError.IsOwn(e) ? message : $"模板运行错误：{message}";
    }
}
