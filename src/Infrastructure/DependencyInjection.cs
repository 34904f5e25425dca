using Amazon.S3;
using AssetManager.Application.Accounts;
using AssetManager.Application.Assets;
using AssetManager.Application.Common.Persistence;
using AssetManager.Application.Common.Storage;
using AssetManager.Infrastructure.Identity;
using AssetManager.Infrastructure.Identity.Passwords;
using AssetManager.Infrastructure.Jobs;
using AssetManager.Infrastructure.Media;
using AssetManager.Infrastructure.Persistence;
using AssetManager.Infrastructure.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AssetManager.Infrastructure;

public static class DependencyInjection
{
    private const int DefaultMemorySeconds = 30;

    /// <summary>
    /// Database (SQLite, SQL Server or PostgreSQL), Identity, object storage (S3 or disk), clock and health checks. Which
    /// database and which store are decided by the bound settings when first resolved.
    /// </summary>
    /// <param name="contentRoot">The application's folder; the data directory (<c>DataDirectory</c>) defaults to its <c>data</c>.</param>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var dataDirectory = Path.GetFullPath(configuration["DataDirectory"] ?? Path.Combine(contentRoot, "data"));
        AddDatabase(services, dataDirectory);
        AddStorage(services, Path.Combine(dataDirectory, "media"));
        services.AddMedia();
        services.AddBackgroundJobs(configuration);

        services.AddIdentityCore<ApplicationUser>(options => options.User.RequireUniqueEmail = false)
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDjangoPasswordValidators()
            .AddLoginLockout();
        services.AddScoped<IIdentityService, IdentityService>();
        services.AddSingleton<PasswordHashingGate>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<StorageHealthCheck>(); // one instance: it reuses its last answer for a few seconds
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database")
            .AddCheck<StorageHealthCheck>("storage")
            .AddCheck<JobEngineHealthCheck>("jobs");
        return services;
    }

    /// <summary>
    /// Creates or migrates the database (or, with <c>Database:MigrateAtStart</c> off, checks that it is migrated) and,
    /// with S3, the bucket; run once before the service takes requests.
    /// </summary>
    public static async Task PrepareInfrastructureAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        if (services.GetRequiredService<DatabaseOptions>().MigrateAtStart) await services.MigrateDatabaseAsync(ct);
        else await services.EnsureDatabaseMigratedAsync(ct);
        if (services.GetRequiredService<IObjectStorage>() is S3ObjectStorage) await services.GetRequiredService<StorageBucket>().EnsureAtStartAsync(ct);
    }

    private static void AddDatabase(IServiceCollection services, string dataDirectory)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .PostConfigure(options =>
            {
                if (options.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(options.ConnectionString))
                    options.ConnectionString = DatabaseOptions.SqliteFileIn(dataDirectory);
            })
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value);
        // What this process remembers (ADRs 4 and 5) only one instance can use: on a server database, where several
        // instances share the data, a logout or a rename must act everywhere at once, so the memories are off unless set.
        services.AddOptions<AuthOptions>().PostConfigure<IOptions<DatabaseOptions>>((auth, database) =>
            auth.RememberTokensSeconds ??= database.Value.IsServer ? 0 : DefaultMemorySeconds);
        services.AddOptions<UploadOptions>().PostConfigure<IOptions<DatabaseOptions>>((upload, database) =>
            upload.RememberBoxesSeconds ??= database.Value.IsServer ? 0 : DefaultMemorySeconds);

        services.AddSingleton<BoxCacheInvalidation>();
        services.AddDbContextPool<SqlServerAppDbContext>((sp, o) => o
            .UseSqlServer(sp.GetRequiredService<DatabaseOptions>().ConnectionString)
            .AddInterceptors(sp.GetRequiredService<BoxCacheInvalidation>()));
        services.AddDbContextPool<PostgreSqlAppDbContext>((sp, o) => o
            .UseNpgsql(sp.GetRequiredService<DatabaseOptions>().ConnectionString)
            .AddInterceptors(sp.GetRequiredService<BoxCacheInvalidation>()));
        services.AddDbContextPool<SqliteAppDbContext>((sp, o) => o
            .UseSqlite(sp.GetRequiredService<DatabaseOptions>().ConnectionString)
            .AddInterceptors(new SqlitePragmas(), sp.GetRequiredService<BoxCacheInvalidation>()));
        services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<DatabaseOptions>().Provider switch
        {
            DatabaseProvider.SqlServer => sp.GetRequiredService<SqlServerAppDbContext>(),
            DatabaseProvider.PostgreSql => sp.GetRequiredService<PostgreSqlAppDbContext>(),
            _ => sp.GetRequiredService<SqliteAppDbContext>(),
        });
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddScoped<IObjectDeletions, RecordedObjectDeletions>();

        services.AddSingleton(sp =>
        {
            using var scope = sp.CreateScope();
            var model = scope.ServiceProvider.GetRequiredService<SqliteAppDbContext>().Model;
            return new SqliteAssetWriter(sp.GetRequiredService<DatabaseOptions>().ConnectionString, model);
        });
        services.AddScoped<EfAssetWriter>();
        services.AddScoped<IAssetWriter>(sp => sp.GetRequiredService<DatabaseOptions>().Provider switch
        {
            DatabaseProvider.Sqlite => sp.GetRequiredService<SqliteAssetWriter>(),
            _ => sp.GetRequiredService<EfAssetWriter>(),
        });
    }

    private static void AddStorage(IServiceCollection services, string defaultLocalRoot)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .PostConfigure(options =>
            {
                if (string.IsNullOrWhiteSpace(options.LocalRoot)) options.LocalRoot = defaultLocalRoot;
                options.LocalPublicBaseUrl = options.LocalPublicBaseUrl.TrimEnd('/');
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value);
        services.AddSingleton(sp => StorageBrowserOrigins.From(sp.GetRequiredService<StorageOptions>()));

        services.AddSingleton(sp => S3ClientFactory.Create(sp.GetRequiredService<StorageOptions>()));
        services.AddSingleton(sp => S3ClientFactory.CreateBodySender(sp.GetRequiredService<StorageOptions>(), sp.GetRequiredService<IAmazonS3>()));
        services.AddSingleton<StorageBucket>();
        services.AddSingleton<S3ObjectStorage>();
        services.AddSingleton<DiskObjectStorage>();
        services.AddSingleton<IObjectStorage>(sp => sp.GetRequiredService<StorageOptions>().UsesS3
            ? sp.GetRequiredService<S3ObjectStorage>()
            : sp.GetRequiredService<DiskObjectStorage>());
    }
}
