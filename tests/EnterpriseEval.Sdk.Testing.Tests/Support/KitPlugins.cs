namespace EnterpriseEval.Sdk.Testing.Tests.Support;

/// <summary>The plug-in folders of this test assembly (manifest and templates copied to the output).</summary>
internal static class KitPlugins
{
    public const string Id = "kit-sample";
    public const string CriterionId = "KIT-SAFETY";
    public const string Citation = "《示例机械有限公司安全生产管理办法》第九条";
    public static readonly DateOnly AsOf = new(2026, 12, 31);

    public static string Folder(string name) => Path.Combine(AppContext.BaseDirectory, "Plugins", name);
}
