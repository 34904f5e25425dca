using AssetManager.Domain.Accounts;
using AssetManager.Domain.AiModels;
using AssetManager.Domain.Assets;
using AssetManager.Domain.Boxes;
using AssetManager.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace AssetManager.Application.Common.Persistence;

/// <summary>The unit of work the handlers use; EF Core's DbContext in Infrastructure implements it.</summary>
public interface IAppDbContext
{
    DbSet<Project> Projects { get; }
    DbSet<Box> Boxes { get; }
    DbSet<Asset> Assets { get; }
    DbSet<AiModel> AiModels { get; }
    DbSet<AuthToken> AuthTokens { get; }
    DbSet<DirectUpload> DirectUploads { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
