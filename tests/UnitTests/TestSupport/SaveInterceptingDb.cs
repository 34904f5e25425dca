using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Accounts;
using AssetManager.Domain.AiModels;
using AssetManager.Domain.Assets;
using AssetManager.Domain.Boxes;
using AssetManager.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace AssetManager.UnitTests.TestSupport;

/// <summary>A real context that lets something else happen to the database just before its first save: a race lost.</summary>
public sealed class SaveInterceptingDb(IAppDbContext sets, Func<Task> beforeFirstSave) : IAppDbContext
{
    public DbSet<Project> Projects => sets.Projects;
    public DbSet<Box> Boxes => sets.Boxes;
    public DbSet<Asset> Assets => sets.Assets;
    public DbSet<AiModel> AiModels => sets.AiModels;
    public DbSet<AuthToken> AuthTokens => sets.AuthTokens;
    public DbSet<DirectUpload> DirectUploads => sets.DirectUploads;

    public int SaveAttempts { get; private set; }

    public async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        if (SaveAttempts++ == 0) await beforeFirstSave();
        return await sets.SaveChangesAsync(cancellationToken);
    }
}
