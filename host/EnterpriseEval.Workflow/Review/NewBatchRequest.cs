namespace EnterpriseEval.Workflow.Review;

/// <summary>What <c>review new</c> was asked to create.</summary>
internal sealed record NewBatchRequest(string Name, int Year, string Series, string Levels, DateOnly? AsOf, string? PluginsDirectory);
