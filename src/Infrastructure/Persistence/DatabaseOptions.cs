using System.ComponentModel.DataAnnotations;

namespace AssetManager.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>
/// Section <c>Database</c>: the provider (Sqlite, the default, or SqlServer) and its connection string
/// (<c>ConnectionStrings:Default</c> maps onto it); SQLite without one uses <c>assetmanager.db</c> in the data directory.
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [EnumDataType(typeof(DatabaseProvider))]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    [Required(AllowEmptyStrings = false, ErrorMessage = "ConnectionStrings:Default is required for a server database.")]
    public string ConnectionString { get; set; } = "";

    public static string SqliteFileIn(string dataDirectory) => $"Data Source={Path.Combine(dataDirectory, "assetmanager.db")}";
}
