namespace EnterpriseEval.Service;

/// <summary>What <c>eeval serve</c> was asked on its command line (docs/service.md, "Starting").</summary>
/// <param name="Urls">Where Kestrel listens (<c>--urls</c>, or <c>--port</c> on loopback); default http://localhost:5080.</param>
/// <param name="Store">The review store file (<c>--store</c>); default the configured one.</param>
/// <param name="Plugins">The plug-ins folder (<c>--plugins</c>); default the configured one, or statutory rules only.</param>
/// <param name="Demo">Seed demo data into an empty store (<c>--demo</c>).</param>
internal sealed record ServeArguments(string Urls = ServeArguments.DefaultUrls, string? Store = null, string? Plugins = null, bool Demo = false)
{
    public const string DefaultUrls = "http://localhost:5080";

    /// <summary>The configuration the options of the command line stand for.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Overrides()
    {
        if (!string.IsNullOrWhiteSpace(Store))
        {
            yield return new("EnterpriseEval:Review:Store", Path.GetFullPath(Store));
        }

        if (!string.IsNullOrWhiteSpace(Plugins))
        {
            yield return new("EnterpriseEval:Plugins:Directory", Path.GetFullPath(Plugins));
        }
    }
}
