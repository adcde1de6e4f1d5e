namespace EnterpriseEval.Workflow.Generation;

/// <summary>The drawn facts of one generated employee that several of their files depend on.</summary>
internal sealed record SyntheticPerson(
    PostTemplate Post, bool Male, DateOnly Birth, DateOnly FirstWork, DateOnly Hire, bool Frontline, string Occupation);
