namespace EnterpriseEval.Service;

/// <summary>What <c>eeval serve</c> was asked on its command line (docs/service.md, "Starting").</summary>
/// <param name="Urls">Where Kestrel listens (<c>--urls</c>, or <c>--port</c> on loopback); default http://localhost:5080.</param>
/// <param name="Store">The review store (<c>--store</c>): a SQLite file, or <c>postgres:…</c>/<c>postgresql://…</c>; default the configured one.</param>
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
            // postgres:Host=…;Database=… or postgresql://… names a PostgreSQL database (docs/service.md, "Several instances").
            var location = Workflow.Review.Store.StoreLocation.Parse(Store);
            if (location.Provider == Workflow.Review.Store.StoreLocation.Postgres)
            {
                yield return new("EnterpriseEval:Store:Provider", location.Provider);
                yield return new("EnterpriseEval:Store:ConnectionString", location.Target);
            }
            else
            {
                yield return new("EnterpriseEval:Store:Provider", Workflow.Review.Store.StoreLocation.Sqlite);
                yield return new("EnterpriseEval:Store:ConnectionString", null);
                yield return new("EnterpriseEval:Review:Store", location.Target);
            }
        }

        if (!string.IsNullOrWhiteSpace(Plugins))
        {
            yield return new("EnterpriseEval:Plugins:Directory", Path.GetFullPath(Plugins));
        }
    }
}
