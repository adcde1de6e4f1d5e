namespace EnterpriseEval.Sdk.Documents;

/// <summary>An output format of a document; each kind has one template per format.</summary>
public enum DocumentFormat
{
    /// <summary>HTML, print-ready on A4; template file <c>&lt;kind code&gt;.html.sbn</c>.</summary>
    Html = 1,

    /// <summary>Markdown; template file <c>&lt;kind code&gt;.md.sbn</c>.</summary>
    Markdown,
}
