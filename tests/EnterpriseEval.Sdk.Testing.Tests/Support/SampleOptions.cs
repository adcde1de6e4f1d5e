namespace EnterpriseEval.Sdk.Testing.Tests.Support;

/// <summary>Bound from <c>Plugins:kit-sample</c>.</summary>
public sealed class SampleOptions
{
    /// <summary>How many years an incident bars an application.</summary>
    public int IncidentYears { get; set; } = 3;
}
