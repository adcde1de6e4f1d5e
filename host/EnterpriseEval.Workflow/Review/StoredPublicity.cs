namespace EnterpriseEval.Workflow.Review;

/// <summary>The publicity period of a batch (公示期) and the calendar it was counted on.</summary>
internal sealed record StoredPublicity(DateOnly Start, DateOnly End, int WorkingDays, string Holidays, string WorkingWeekends);
