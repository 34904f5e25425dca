using AssetManager.Application.Assets;
using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Assets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AssetManager.Infrastructure.Persistence;

/// <summary>
/// The upload's row on SQLite: one <c>INSERT ... RETURNING</c>, prepared once on a connection kept for it, where EF
/// Core's SaveChanges cost several times the CPU (docs/adr/0005-the-upload-writes-its-row-directly.md). The table,
/// columns and value conversions come from the EF model, so the row is the one SaveChanges would write. It takes
/// turns with every other write to the database on its <see cref="SqliteWriteLock"/>.
/// </summary>
internal sealed class SqliteAssetWriter : IAssetWriter, IDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeLock;
    private readonly string _sql;
    private readonly IProperty _key;
    private readonly Column[] _columns;
    private SqliteConnection? _connection;
    private SqliteCommand? _insert;

    public SqliteAssetWriter(string connectionString, IModel model)
    {
        _connectionString = connectionString;
        _writeLock = SqliteWriteLock.For(connectionString);
        var entity = model.FindEntityType(typeof(Asset)) ?? throw new InvalidOperationException("Asset is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        _key = entity.FindPrimaryKey()!.Properties.Single();
        _columns = entity.GetProperties().Where(p => !p.IsPrimaryKey())
            .Select(p => new Column(p.GetColumnName(table)!, p.GetGetter(), p.GetTypeMapping().Converter))
            .ToArray();
        _sql = $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", _columns.Select(c => Quote(c.Name)))}) " +
               $"VALUES ({string.Join(", ", _columns.Select((_, i) => ParameterName(i)))}) " +
               $"RETURNING {Quote(_key.GetColumnName(table)!)}";
    }

    public async Task AddAsync(Asset asset, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var insert = _insert ?? Prepare();
            for (var i = 0; i < _columns.Length; i++) insert.Parameters[i].Value = _columns[i].ProviderValue(asset);
            var id = await insert.ExecuteScalarAsync(cancellationToken);
            _key.PropertyInfo!.SetValue(asset, Convert.ToInt32(id));
        }
        catch (SqliteException ex) when (ForeignKeyViolation.Is(ex))
        {
            throw new MissingReferenceException(ex);
        }
        catch
        {
            Close(); // a connection in an unknown state is not used again
            throw;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose()
    {
        _writeLock.Wait();
        try
        {
            Close();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private SqliteCommand Prepare()
    {
        _connection = new SqliteConnection(_connectionString);
        _connection.Open();
        SqlitePragmas.Apply(_connection);
        _insert = _connection.CreateCommand();
        _insert.CommandText = _sql;
        for (var i = 0; i < _columns.Length; i++) _insert.Parameters.Add(new SqliteParameter(ParameterName(i), null));
        _insert.Prepare();
        return _insert;
    }

    private void Close()
    {
        _insert?.Dispose();
        _connection?.Dispose();
        (_insert, _connection) = (null, null);
    }

    private static string ParameterName(int index) => "$p" + index;

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    private sealed record Column(string Name, IClrPropertyGetter Getter, ValueConverter? Converter)
    {
        public object ProviderValue(Asset asset)
        {
            var value = Getter.GetClrValueUsingContainingEntity(asset);
            if (Converter is not null && value is not null) value = Converter.ConvertToProvider(value);
            return value ?? DBNull.Value;
        }
    }
}
