using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Accounts;
using AssetManager.Domain.AiModels;
using AssetManager.Domain.Assets;
using AssetManager.Domain.Boxes;
using AssetManager.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace AssetManager.UnitTests.TestSupport;

/// <summary>A real context whose <see cref="SaveChangesAsync"/> fails: the database went away at the worst moment.</summary>
public sealed class FailingSaveDb(IAppDbContext sets, Exception error) : IAppDbContext
{
    public DbSet<Project> Projects => sets.Projects;
    public DbSet<Box> Boxes => sets.Boxes;
    public DbSet<Asset> Assets => sets.Assets;
    public DbSet<AiModel> AiModels => sets.AiModels;
    public DbSet<AuthToken> AuthTokens => sets.AuthTokens;
    public DbSet<DirectUpload> DirectUploads => sets.DirectUploads;

    public int SaveAttempts { get; private set; }

    public Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        SaveAttempts++;
        return Task.FromException<int>(error);
    }
}
