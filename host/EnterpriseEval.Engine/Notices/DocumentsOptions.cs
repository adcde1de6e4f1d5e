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
    /// The 发文单位 printed on every document (<c>notices</c> and the review's): <see cref="Enterprise"/> when set, else
    /// the enterprise of the first loaded plug-in (its <c>plugin.json</c>), else 本单位. Called with the group of plug-ins
    /// governing the addressee (docs/plugins.md, "Scope"), so each firm's documents carry its own name.
    /// </summary>
    public string Issuer(PluginSet plugins) =>
        Enterprise is { Length: > 0 } e ? e : plugins.Loaded.FirstOrDefault()?.Manifest.Enterprise ?? "本单位";
}
