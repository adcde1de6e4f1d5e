namespace EnterpriseEval.Workflow.Review;

/// <summary>An objection raised against a candidate during the publicity (异议).</summary>
internal sealed record StoredObjection(string EmployeeId, DateOnly RaisedOn, string Reason, string RecordedBy);
