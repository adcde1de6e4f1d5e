using EnterpriseEval.Engine;
using Npgsql;

namespace EnterpriseEval.Workflow.Review.Store;

/// <summary>
/// A review store named on the command line (<c>--store</c>, <c>store copy --from/--to</c>) or in configuration: a SQLite
/// file, or a PostgreSQL database (docs/store.md).
/// </summary>
/// <param name="Provider"><see cref="Sqlite"/> or <see cref="Postgres"/>.</param>
/// <param name="Target">The full path of the file, or the Npgsql connection string.</param>
internal sealed record StoreLocation(string Provider, string Target)
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>What messages show: the file, or server and database without the password.</summary>
    public string Display => Provider == Postgres ? PostgresReviewStore.Describe(new NpgsqlConnectionStringBuilder(Target)) : Target;

    /// <summary>
    /// Reads a store as a person writes it: <c>postgres:Host=…;Database=…</c> or <c>postgresql://user@host:port/db</c>
    /// for PostgreSQL, <c>sqlite:FILE</c> or any other text as the path of a SQLite file.
    /// </summary>
    /// <exception cref="UserFacingException">An unreadable PostgreSQL address.</exception>
    public static StoreLocation Parse(string text)
    {
        var value = text.Trim();
        if (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new StoreLocation(Postgres, FromUri(value));
        }

        foreach (var prefix in new[] { "postgres:", "postgresql:", "pg:" })
        {
            if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return OfPostgres(value[prefix.Length..]);
            }
        }

        if (value.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            value = value["sqlite:".Length..];
        }

        if (value.Length == 0)
        {
            throw new UserFacingException("评审数据库未指定：请给出 SQLite 文件路径，或 postgres:Host=…;Database=…（见 docs/store.md）");
        }

        return new StoreLocation(Sqlite, Path.GetFullPath(value));
    }

    /// <summary>A PostgreSQL store from a connection string or <c>postgresql://</c> address.</summary>
    public static StoreLocation OfPostgres(string connection)
    {
        var value = connection.Trim();
        if (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new StoreLocation(Postgres, FromUri(value));
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(value);
            return new StoreLocation(Postgres, builder.ConnectionString);
        }
        catch (ArgumentException e)
        {
            throw new UserFacingException($"PostgreSQL 连接字符串无法识别（{e.Message}）：格式如 Host=db.example;Database=eeval;Username=eeval（见 docs/store.md）", e);
        }
    }

    public override string ToString() => Display;

    // postgresql://user:password@host:port/database?sslmode=require — the form most database teams hand out.
    private static string FromUri(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new UserFacingException($"PostgreSQL 地址无法识别：应为 postgresql://用户名@主机:端口/数据库（见 docs/store.md）");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            try
            {
                builder[name.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? "SSL Mode" : name] = value;
            }
            catch (ArgumentException e)
            {
                throw new UserFacingException($"PostgreSQL 地址中的参数 {name} 无法识别（{e.Message}）", e);
            }
        }

        return builder.ConnectionString;
    }
}
