using System.Runtime.CompilerServices;

namespace EnterpriseEval.Host.Tests.Support;

/// <summary>
/// The audit key of every <c>eeval review</c> run in these tests: a key file in the temp folder, given as the
/// environment variable a user would set (docs/security.md), so no test creates a key in the real user profile.
/// </summary>
internal static class TestAuditKey
{
    public static readonly string File = Path.Combine(Path.GetTempPath(), $"eeval-tests-audit-{Environment.ProcessId}.key");

    [ModuleInitializer]
    internal static void Install()
    {
        System.IO.File.WriteAllText(File, Workflow.Review.Store.AuditKey.NewText());
        Environment.SetEnvironmentVariable("EEVAL_EnterpriseEval__Review__AuditKeyFile", File);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => System.IO.File.Delete(File);
    }
}
