using Amazon.S3;
using AssetManager.Application.Accounts;
using AssetManager.Application.Assets;
using AssetManager.Application.Common.Persistence;
using AssetManager.Application.Common.Storage;
using AssetManager.Domain.Assets;
using AssetManager.Infrastructure.Identity;
using AssetManager.Infrastructure.Identity.Passwords;
using AssetManager.Infrastructure.Persistence;
using AssetManager.Infrastructure.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssetManager.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Database (SQLite or SQL Server), Identity, object storage (S3 or disk), clock and health checks.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var dataDirectory = Path.GetFullPath(configuration["DataDirectory"] ?? Path.Combine(contentRoot, "data"));
        AddDatabase(services, DatabaseOptions.FromConfiguration(configuration, dataDirectory));
        AddStorage(services, StorageOptions.FromConfiguration(configuration, Path.Combine(dataDirectory, "media")));

        services.AddIdentityCore<ApplicationUser>(options => options.User.RequireUniqueEmail = false)
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDjangoPasswordValidators()
            .AddLoginLockout();
        services.AddScoped<IIdentityService, IdentityService>();
        services.AddSingleton<IAssetTypeDetector, AssetTypeDetector>();
        services.AddSingleton(TimeProvider.System);
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database")
            .AddCheck<StorageHealthCheck>("storage");
        return services;
    }

    private static void AddDatabase(IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        if (options.Provider == DatabaseProvider.SqlServer)
        {
            services.AddDbContextPool<SqlServerAppDbContext>(o => o.UseSqlServer(options.ConnectionString));
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqlServerAppDbContext>());
            services.AddScoped<IAssetWriter, EfAssetWriter>();
        }
        else
        {
            services.AddDbContextPool<SqliteAppDbContext>(o => o.UseSqlite(options.ConnectionString).AddInterceptors(new SqlitePragmas()));
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
            services.AddSingleton<IAssetWriter>(sp =>
            {
                using var scope = sp.CreateScope();
                var model = scope.ServiceProvider.GetRequiredService<SqliteAppDbContext>().Model;
                return new SqliteAssetWriter(options.ConnectionString, model);
            });
        }
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<AppDbContext>());
    }

    private static void AddStorage(IServiceCollection services, StorageOptions options)
    {
        services.AddSingleton(options);
        if (options.UsesS3)
        {
            services.AddSingleton(_ => S3ClientFactory.Create(options));
            services.AddSingleton(_ => S3ClientFactory.CreateBodySender(options));
            services.AddSingleton<S3ObjectStorage>();
            services.AddSingleton<IObjectStorage>(sp => sp.GetRequiredService<S3ObjectStorage>());
        }
        else
        {
            services.AddSingleton<DiskObjectStorage>();
            services.AddSingleton<IObjectStorage>(sp => sp.GetRequiredService<DiskObjectStorage>());
        }
    }
}
