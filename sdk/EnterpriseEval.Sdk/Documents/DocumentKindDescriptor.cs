namespace EnterpriseEval.Sdk.Documents;

/// <summary>
/// Everything the engine knows about one document kind, in one place (docs/documents.md, "Adding a document
/// kind"): its code, Chinese name, model type, a filled-in sample model, its default templates (embedded resources
/// beside the descriptor) and its addressee. <see cref="DocumentKindRegistry"/> finds descriptors by reflection;
/// nothing else lists the kinds. Derive from <see cref="DocumentKindDescriptor{TModel}"/>.
/// </summary>
internal abstract class DocumentKindDescriptor
{
    private const string SdkTemplates = "EnterpriseEval.Sdk.Documents.Templates.";

    /// <summary>The code, e.g. <c>publicity_list</c>: the file name stem of the kind's templates.</summary>
    public abstract string Code { get; }

    /// <summary>The Chinese name, e.g. 评审结果公示: titles of batch files, messages, <c>--kind</c>.</summary>
    public abstract string ChineseName { get; }

    /// <summary>Where the kind is listed among the others (<see cref="DocumentKinds.All"/>, <c>--kind</c> help).</summary>
    public abstract int Order { get; }

    /// <summary>The model type the kind's templates see; its public properties are the template's variables.</summary>
    public abstract Type ModelType { get; }

    /// <summary>A filled-in model: every optional value present, every list non-empty (template checks, the test kit).</summary>
    public abstract object SampleModel { get; }

    /// <summary>The kind as plug-ins name it.</summary>
    public DocumentKind Kind => new(Code);

    /// <summary>
    /// The prefix of the default templates' resource names, in the descriptor's assembly; the SDK embeds its
    /// templates as <c>EnterpriseEval.Sdk.Documents.Templates.&lt;code&gt;.&lt;html|md&gt;.sbn</c>.
    /// </summary>
    protected virtual string TemplateResourcePrefix => SdkTemplates;

    /// <summary>The file name of the kind's template in a format: <c>publicity_list.html.sbn</c>.</summary>
    public string TemplateFileName(DocumentFormat format) => $"{Code}.{DefaultTemplates.Extension(format)}.sbn";

    /// <summary>The text of the kind's default template in a format.</summary>
    /// <exception cref="InvalidOperationException">The descriptor's assembly does not embed that template.</exception>
    public string DefaultTemplate(DocumentFormat format) =>
        DefaultTemplates.ReadResource(GetType().Assembly, TemplateResourcePrefix + TemplateFileName(format));

    /// <summary>The 发文信息 of a model of the kind (the document number in <c>index.csv</c>).</summary>
    public abstract DocumentIssue IssueOf(object model);

    /// <summary>
    /// The employee a model of the kind is addressed to, or null for a document posted to everyone (a list): names
    /// the per-document file (<c>&lt;code&gt;_0001_&lt;工号&gt;.html</c>) and the <c>index.csv</c> line.
    /// </summary>
    public abstract DocumentPerson? AddresseeOf(object model);
}

/// <summary>The descriptor of a kind whose templates see a <typeparamref name="TModel"/>.</summary>
/// <typeparam name="TModel">The model record.</typeparam>
internal abstract class DocumentKindDescriptor<TModel> : DocumentKindDescriptor
    where TModel : class
{
    /// <inheritdoc />
    public sealed override Type ModelType => typeof(TModel);

    /// <inheritdoc />
    public sealed override object SampleModel => Sample();

    /// <inheritdoc />
    public sealed override DocumentIssue IssueOf(object model) => Issue((TModel)model);

    /// <inheritdoc />
    public sealed override DocumentPerson? AddresseeOf(object model) => Addressee((TModel)model);

    /// <summary>A new filled-in model.</summary>
    protected abstract TModel Sample();

    /// <summary>The model's 发文信息.</summary>
    protected abstract DocumentIssue Issue(TModel model);

    /// <summary>The employee the model is addressed to; null (the default) for a list posted to everyone.</summary>
    protected virtual DocumentPerson? Addressee(TModel model) => null;
}
