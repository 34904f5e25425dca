namespace AssetManager.Infrastructure.Persistence;

/// <summary>
/// The trigger that records the stored keys of every deleted asset row in <see cref="Table"/>: deleted by a command, by
/// the cascade of a box or project delete, or by anything else, in the same transaction. Written once per provider,
/// applied by the migrations.
/// </summary>
public static class ObjectDeletionTrigger
{
    public const string Name = "TR_Assets_ObjectDeletions";
    public const string Table = "ObjectDeletions";

    private static readonly string[] KeyColumns = ["FileKey", "ThumbnailKey", "PreviewKey"];

    public static string Sqlite => $"""
        CREATE TRIGGER "{Name}" AFTER DELETE ON "Assets"
        BEGIN
        {string.Join("\n", KeyColumns.Select(c =>
            $"""    INSERT INTO "{Table}" ("ObjectKey", "RequestedAt") SELECT OLD."{c}", strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE COALESCE(OLD."{c}", '') <> '';"""))}
        END;
        """;

    public static string SqlServer => $"""
        CREATE TRIGGER [{Name}] ON [Assets] AFTER DELETE AS
        BEGIN
            SET NOCOUNT ON;
            INSERT INTO [{Table}] ([ObjectKey], [RequestedAt])
            SELECT k.[ObjectKey], SYSUTCDATETIME()
            FROM deleted d CROSS APPLY (VALUES {string.Join(", ", KeyColumns.Select(c => $"(d.[{c}])"))}) AS k([ObjectKey])
            WHERE COALESCE(k.[ObjectKey], '') <> '';
        END
        """;

    public static string PostgreSql => $"""
        CREATE OR REPLACE FUNCTION "{Name}_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO "{Table}" ("ObjectKey", "RequestedAt")
            SELECT k, now() FROM unnest(ARRAY[{string.Join(", ", KeyColumns.Select(c => $"OLD.\"{c}\""))}]) AS k WHERE COALESCE(k, '') <> '';
            RETURN OLD;
        END $$;
        CREATE TRIGGER "{Name}" AFTER DELETE ON "Assets" FOR EACH ROW EXECUTE FUNCTION "{Name}_fn"();
        """;

    public static string DropSqlite => $"""DROP TRIGGER IF EXISTS "{Name}";""";
    public static string DropSqlServer => $"DROP TRIGGER IF EXISTS [{Name}];";
    public static string DropPostgreSql => $"""DROP TRIGGER IF EXISTS "{Name}" ON "Assets"; DROP FUNCTION IF EXISTS "{Name}_fn"();""";
}
