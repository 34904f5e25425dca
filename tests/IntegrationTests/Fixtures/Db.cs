using System.Data.Common;
using AssetManager.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AssetManager.IntegrationTests.Fixtures;

/// <summary>
/// Direct reads of (and writes to) the service's database, SQLite or PostgreSQL. SQL given here is written for both:
/// quoted identifiers (<c>"Assets"."BoxId"</c>, which PostgreSQL needs for EF Core's names) and <c>@name</c> parameters.
/// </summary>
public static class Db
{
    public static DbConnection Open(ApiFactory factory)
    {
        DbConnection connection = factory.Database == DatabaseProvider.PostgreSql
            ? new NpgsqlConnection(PostgresServer.Shared.ConnectionString(factory.PostgreSqlDatabase!) + ";Pooling=false")
            : new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False;Default Timeout=30");
        connection.Open();
        return connection;
    }

    public static long Scalar(ApiFactory factory, string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Open(factory);
        using var command = Command(connection, sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar());
    }

    public static void Execute(ApiFactory factory, string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Open(factory);
        using var command = Command(connection, sql, parameters);
        command.ExecuteNonQuery();
    }

    public static long CountAssets(ApiFactory factory) => Scalar(factory, """SELECT COUNT(*) FROM "Assets" """);

    public static long CountAssets(ApiFactory factory, int boxId) =>
        Scalar(factory, """SELECT COUNT(*) FROM "Assets" WHERE "BoxId" = @box""", ("@box", boxId));

    public static List<string> FileKeys(ApiFactory factory, int boxId) =>
        Rows(factory, """SELECT "FileKey" FROM "Assets" WHERE "BoxId" = @box""", ("@box", boxId)).Select(r => (string)r["FileKey"]!).ToList();

    /// <summary>Every row of <paramref name="sql"/>'s answer as column name to value (null for NULL).</summary>
    public static List<Dictionary<string, object?>> Rows(ApiFactory factory, string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Open(factory);
        using var command = Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        return rows;
    }

    /// <summary>Makes every insert into <paramref name="table"/> fail (a database that refuses the write) until disposed.</summary>
    public static IDisposable RefuseInserts(ApiFactory factory, string table)
    {
        if (factory.Database == DatabaseProvider.PostgreSql)
        {
            Execute(factory, "CREATE FUNCTION refuse_insert() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected'; END $$ LANGUAGE plpgsql");
            Execute(factory, $"""CREATE TRIGGER refuse_insert BEFORE INSERT ON "{table}" FOR EACH ROW EXECUTE FUNCTION refuse_insert()""");
            return new Undo(() =>
            {
                Execute(factory, $"""DROP TRIGGER refuse_insert ON "{table}" """);
                Execute(factory, "DROP FUNCTION refuse_insert()");
            });
        }
        Execute(factory, $"""CREATE TRIGGER refuse_insert BEFORE INSERT ON "{table}" BEGIN SELECT RAISE(ABORT, 'injected'); END;""");
        return new Undo(() => Execute(factory, "DROP TRIGGER refuse_insert;"));
    }

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private sealed class Undo(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
