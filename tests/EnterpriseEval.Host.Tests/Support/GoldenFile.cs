using System.Runtime.CompilerServices;

namespace EnterpriseEval.Host.Tests.Support;

/// <summary>
/// Compares a command's output with a reviewed file under <c>Commands/Golden</c>, as the engine tests do
/// (tests/EnterpriseEval.Engine.Tests/Documents/GoldenFile.cs). With <c>EEVAL_UPDATE_GOLDEN=1</c> the source copy is
/// rewritten instead, so a change shows up as a diff to review.
/// </summary>
internal static class GoldenFile
{
    internal static void Verify(string name, string actual, [CallerFilePath] string callerFile = "")
    {
        if (Environment.GetEnvironmentVariable("EEVAL_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(Path.GetDirectoryName(callerFile)!, "Golden", name), actual);
            return;
        }

        var expectedPath = Path.Combine(AppContext.BaseDirectory, "Commands", "Golden", name);
        Assert.True(File.Exists(expectedPath), $"缺少期望文件 {name}：以 EEVAL_UPDATE_GOLDEN=1 运行测试生成，审阅后提交。");
        Assert.Equal(File.ReadAllText(expectedPath), actual);
    }
}
