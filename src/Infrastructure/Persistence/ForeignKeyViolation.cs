using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AssetManager.Infrastructure.Persistence;

/// <summary>A provider's error for a row that refers to a row which is not there.</summary>
internal static class ForeignKeyViolation
{
    private const int SqlServerConstraintConflict = 547;
    private const int SqliteConstraintForeignKey = 787;

    public static bool Is(Exception? error) =>
        error is SqlException { Number: SqlServerConstraintConflict }
            or SqliteException { SqliteExtendedErrorCode: SqliteConstraintForeignKey }
            or PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation };
}
