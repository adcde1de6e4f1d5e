namespace EnterpriseEval.Workflow.Review;

/// <summary>A stored review batch: its id in the store and its definition.</summary>
internal sealed record ReviewBatch(long Id, BatchDefinition Definition)
{
    public string Name => Definition.Name;
}
