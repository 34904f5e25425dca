using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Accounts;
using AssetManager.Domain.AiModels;
using AssetManager.Domain.Assets;
using AssetManager.Domain.Boxes;
using AssetManager.Domain.Projects;
using AssetManager.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AssetManager.Infrastructure.Persistence;

/// <summary>
/// The model shared by every provider. Each provider has a derived context type so that its migrations live in a
/// folder of their own (<see cref="SqliteAppDbContext"/>, <see cref="SqlServerAppDbContext"/>, <see cref="PostgreSqlAppDbContext"/>).
/// </summary>
public abstract class AppDbContext(DbContextOptions options)
    : IdentityDbContext<ApplicationUser, IdentityRole<int>, int>(options), IAppDbContext
{
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<Box> Boxes => Set<Box>();
    public DbSet<Asset> Assets => Set<Asset>();
    public DbSet<AiModel> AiModels => Set<AiModel>();
    public DbSet<AuthToken> AuthTokens => Set<AuthToken>();
    public DbSet<ObjectDeletion> ObjectDeletions => Set<ObjectDeletion>();
    public DbSet<DirectUpload> DirectUploads => Set<DirectUpload>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC; SQLite forgets the kind, so it is put back on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
