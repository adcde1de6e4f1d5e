namespace EnterpriseEval.Workflow.Review;

/// <summary>One employee's achievement score from one plug-in (业绩评审).</summary>
internal sealed record StoredScore(string EmployeeId, string Name, string PluginId, decimal Total, decimal PassMark, bool Passed, string Lines);
