using EnterpriseEval.Engine.Cases;
using EnterpriseEval.Sdk.Testing;

namespace Acme.Plugin.Tests;

/// <summary>
/// The case files of the solution's <c>cases</c> folder, run through the test kit with this plug-in: the same files
/// <c>eeval test cases --plugins …</c> runs against the published plug-in. Add a case by adding it to a file there.
/// </summary>
public sealed class CaseFileTests
{
    // "cases" is found above the test's output folder (the solution folder).
    public static IEnumerable<object[]> Cases => CaseFiles.Load("cases");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_passes(ScreeningCase testCase) => CaseFiles.Run<AcmePlugin>(testCase);
}
