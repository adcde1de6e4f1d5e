namespace EnterpriseEval.Service.Tests;

/// <summary><c>eeval serve --store</c> takes a SQLite file or a PostgreSQL database, as every command's --store (docs/store.md).</summary>
public sealed class ServeArgumentsTests
{
    [Fact]
    public void A_PostgreSQL_store_becomes_the_configured_provider_and_connection()
    {
        var overrides = new ServeArguments(Store: "postgres:Host=db.example;Database=eeval;Username=eeval").Overrides().ToDictionary(kv => kv.Key, kv => kv.Value);

        Assert.Equal("postgres", overrides["EnterpriseEval:Store:Provider"]);
        Assert.Contains("Database=eeval", overrides["EnterpriseEval:Store:ConnectionString"], StringComparison.Ordinal);
        Assert.False(overrides.ContainsKey("EnterpriseEval:Review:Store"));
    }

    [Fact]
    public void A_SQLite_file_overrides_a_configured_PostgreSQL_store()
    {
        var overrides = new ServeArguments(Store: "review.db").Overrides().ToDictionary(kv => kv.Key, kv => kv.Value);

        Assert.Equal("sqlite", overrides["EnterpriseEval:Store:Provider"]);
        Assert.Equal("", overrides["EnterpriseEval:Store:ConnectionString"]);
        Assert.Equal(Path.GetFullPath("review.db"), overrides["EnterpriseEval:Review:Store"]);
    }
}
