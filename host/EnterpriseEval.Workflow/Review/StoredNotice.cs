namespace EnterpriseEval.Workflow.Review;

/// <summary>A notice issued to a candidate: the file written and its SHA-256.</summary>
internal sealed record StoredNotice(string EmployeeId, string Path, string TargetLevel, string File, string Sha256);
