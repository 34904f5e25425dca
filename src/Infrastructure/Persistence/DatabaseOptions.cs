using System.ComponentModel.DataAnnotations;

namespace AssetManager.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>
/// Section <c>Database</c>: the provider (Sqlite, the default, SqlServer or PostgreSql) and its connection string
/// (<c>ConnectionStrings:Default</c> and <c>DATABASE_URL</c> map onto it); SQLite without one uses <c>assetmanager.db</c>
/// in the data directory. <see cref="MigrateAtStart"/> off leaves migrating to the <c>migrate</c> command.
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [EnumDataType(typeof(DatabaseProvider))]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    [Required(AllowEmptyStrings = false, ErrorMessage = "ConnectionStrings:Default (or DATABASE_URL) is required for a server database.")]
    public string ConnectionString { get; set; } = "";

    /// <summary>Apply pending migrations at start-up (the default); false: refuse to start while any are pending.</summary>
    public bool MigrateAtStart { get; set; } = true;

    /// <summary>A database several instances can share (PostgreSQL, SQL Server), unlike the embedded SQLite file.</summary>
    public bool IsServer => Provider != DatabaseProvider.Sqlite;

    public static string SqliteFileIn(string dataDirectory) => $"Data Source={Path.Combine(dataDirectory, "assetmanager.db")}";
}
