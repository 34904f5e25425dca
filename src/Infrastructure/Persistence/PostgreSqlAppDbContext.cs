using Microsoft.EntityFrameworkCore;

namespace AssetManager.Infrastructure.Persistence;

/// <summary>
/// The PostgreSQL flavour of the model; migrations in Persistence/Migrations/PostgreSql. Timestamps are
/// <c>timestamp with time zone</c>, which Npgsql writes only from UTC values (the model's <see cref="UtcDateTimeConverter"/>
/// makes them so) and keeps to the microsecond, as the API writes them.
/// </summary>
public sealed class PostgreSqlAppDbContext(DbContextOptions<PostgreSqlAppDbContext> options) : AppDbContext(options);
