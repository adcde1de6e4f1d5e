namespace EnterpriseEval.Workflow.Review;

/// <summary>One entry of the append-only audit log, chained to the previous one by hash.</summary>
internal sealed record AuditEntry(long Seq, long? BatchId, string Step, string User, string At, string Detail, string PreviousHash, string Hash);
