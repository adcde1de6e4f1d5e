namespace EnterpriseEval.Engine.Tests.Support;

/// <summary>
/// Tests that measure time or allocation (the input bombs) and the fuzz properties that keep a core busy for their whole
/// budget: they run on their own, after the parallel tests, so neither disturbs the other's figures.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredCollection
{
    public const string Name = "Measured";
}
