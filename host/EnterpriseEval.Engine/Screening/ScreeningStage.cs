namespace EnterpriseEval.Engine.Screening;

/// <summary>Progress of a long screening: the stage (Chinese, for the progress bar) and employees done of total.</summary>
internal sealed record ScreeningStage(string Name, int Done, int Total);
