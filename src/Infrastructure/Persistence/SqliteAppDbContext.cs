using Microsoft.EntityFrameworkCore;

namespace AssetManager.Infrastructure.Persistence;

/// <summary>The SQLite flavour of the model; migrations in Persistence/Migrations/Sqlite.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);
