using Microsoft.Extensions.Configuration;

namespace AssetManager.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary><c>Database:Provider</c> (Sqlite, the default, or SqlServer) and <c>ConnectionStrings:Default</c>.</summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseOptions FromConfiguration(IConfiguration configuration, string dataDirectory)
    {
        var providerName = configuration["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerName)
            ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Database:Provider '{providerName}' is not Sqlite or SqlServer.");
        var connectionString = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.SqlServer)
                throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:Default is not set.");
            connectionString = $"Data Source={Path.Combine(dataDirectory, "assetmanager.db")}";
        }
        return new DatabaseOptions(provider, connectionString);
    }
}
