using EnterpriseEval.Engine.Plugins;

namespace EnterpriseEval.Engine.Notices;

/// <summary>How notices are issued (configuration section <c>EnterpriseEval:Documents</c>).</summary>
internal sealed class DocumentsOptions
{
    public const string SectionName = "EnterpriseEval:Documents";

    /// <summary>The issuing enterprise; empty = the enterprise of the first loaded plug-in, else 本单位.</summary>
    public string Enterprise { get; set; } = "";

    /// <summary>The issuing department.</summary>
    public string Department { get; set; } = "人力资源部";

    /// <summary>The document-number prefix (发文字号 before 〔year〕): numbers read <c>人资字〔2026〕1号</c>.</summary>
    public string NumberPrefix { get; set; } = "人资字";

    /// <summary>Who takes objections during publicity (公示期间受理意见).</summary>
    public string ObjectionContact { get; set; } = "人力资源部";

    /// <summary>Mask 身份证号 in notices (first 6 and last 4 kept). Turn off only where the law allows.</summary>
    public bool MaskIdentityNumbers { get; set; } = true;

    /// <summary>
    /// Settings for the documents of the employees a plug-in governs, by plug-in id
    /// (<c>EnterpriseEval:Documents:Plugins:ganjiang-heavy:NumberPrefix</c>): in a group roster each firm numbers and
    /// signs its own documents (docs/plugin-authoring.md, "Document settings"). What a plug-in's entry leaves empty
    /// comes from the settings above. Host configuration, like the rest: a plug-in cannot set its own.
    /// </summary>
    public Dictionary<string, PluginDocumentSettings> Plugins { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The settings for the documents of employees governed by <paramref name="plugins"/> (a group of one scope,
    /// docs/plugins.md "Scope"): each of <see cref="Enterprise"/>, <see cref="Department"/>, <see cref="NumberPrefix"/>
    /// and <see cref="ObjectionContact"/> from the first plug-in of the group whose entry in <see cref="Plugins"/> sets
    /// it, else as configured above. The enterprise then falls back as <see cref="Issuer"/> says.
    /// </summary>
    public DocumentsOptions For(PluginSet plugins)
    {
        var entries = plugins.Loaded
            .Select(p => Plugins.TryGetValue(p.Manifest.Id, out var e) ? e : null)
            .OfType<PluginDocumentSettings>()
            .ToList();
        if (entries.Count == 0)
        {
            return this;
        }

        string Pick(Func<PluginDocumentSettings, string?> of, string fallback) =>
            entries.Select(of).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? fallback;

        return new DocumentsOptions
        {
            Enterprise = Pick(e => e.Enterprise, Enterprise),
            Department = Pick(e => e.Department, Department),
            NumberPrefix = Pick(e => e.NumberPrefix, NumberPrefix),
            ObjectionContact = Pick(e => e.ObjectionContact, ObjectionContact),
            MaskIdentityNumbers = MaskIdentityNumbers,
            Plugins = Plugins,
        };
    }

    /// <summary>
    /// The 发文单位 printed on every document (<c>notices</c> and the review's): <see cref="Enterprise"/> when set, else
    /// the enterprise of the first loaded plug-in (its <c>plugin.json</c>), else 本单位. Called with the group of plug-ins
    /// governing the addressee (docs/plugins.md, "Scope"), so each firm's documents carry its own name.
    /// </summary>
    public string Issuer(PluginSet plugins) =>
        Enterprise is { Length: > 0 } e ? e : plugins.Loaded.FirstOrDefault()?.Manifest.Enterprise ?? "本单位";
}

/// <summary>
/// One plug-in's entry in <see cref="DocumentsOptions.Plugins"/>: what its employees' documents say instead of the
/// host-wide setting; an empty value keeps the host-wide one.
/// </summary>
internal sealed class PluginDocumentSettings
{
    /// <summary>The issuing enterprise (发文单位).</summary>
    public string? Enterprise { get; set; }

    /// <summary>The issuing department.</summary>
    public string? Department { get; set; }

    /// <summary>The document-number prefix: <c>赣重人</c> numbers <c>赣重人〔2027〕1号</c>.</summary>
    public string? NumberPrefix { get; set; }

    /// <summary>Who takes objections during publicity.</summary>
    public string? ObjectionContact { get; set; }
}
