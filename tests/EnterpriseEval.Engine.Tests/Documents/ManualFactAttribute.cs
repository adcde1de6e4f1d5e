namespace EnterpriseEval.Engine.Tests.Documents;

/// <summary>A measurement run by hand: skipped unless the environment variable is set to 1.</summary>
internal sealed class ManualFactAttribute : FactAttribute
{
    public ManualFactAttribute(string variable)
    {
        if (Environment.GetEnvironmentVariable(variable) != "1")
        {
            Skip = $"手动运行：设置环境变量 {variable}=1";
        }
    }
}
