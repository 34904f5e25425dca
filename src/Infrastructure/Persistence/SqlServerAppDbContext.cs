using Microsoft.EntityFrameworkCore;

namespace AssetManager.Infrastructure.Persistence;

/// <summary>The SQL Server flavour of the model; migrations in Persistence/Migrations/SqlServer.</summary>
public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options) : AppDbContext(options);
