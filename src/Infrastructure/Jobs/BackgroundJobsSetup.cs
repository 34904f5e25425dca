using System.ComponentModel.DataAnnotations;
using AssetManager.Application.Assets;
using AssetManager.Application.Common.Jobs;
using AssetManager.Infrastructure.Persistence;
using Microsoft.Data.SqlClient;
using Npgsql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace AssetManager.Infrastructure.Jobs;

/// <summary>
/// Quartz.NET with its job store in the service's own database (docs/adr/0007): a single-instance store on SQLite, a
/// clustered one on PostgreSQL and SQL Server, so that each job runs once and a dead instance's jobs are taken over.
/// Its tables are created when missing.
/// </summary>
public static class BackgroundJobsSetup
{
    public const string SchedulerName = "AssetManager";
    public const string MaintenanceTrigger = "maintenance";

    public static IServiceCollection AddBackgroundJobs(this IServiceCollection services, IConfiguration configuration)
    {
        // Read here, once: the engine is configured when the services are registered, before any options are resolved.
        var jobs = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        Validate(jobs, configuration.GetSection(UploadOptions.Section).Get<UploadOptions>() ?? new UploadOptions());
        services.AddSingleton(Options.Create(jobs));
        var provider = configuration.GetValue(DatabaseOptions.Section + ":" + nameof(DatabaseOptions.Provider), DatabaseProvider.Sqlite);

        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(s =>
            {
                s.InstanceName = SchedulerName; // every instance sharing the database names its scheduler alike
                s.IdleWaitTime = TimeSpan.FromSeconds(jobs.IdleWaitSeconds);
            });
            quartz.UseDefaultThreadPool(jobs.Concurrency);
            quartz.UseDefaultRetryPolicy(RetryPolicy.Exponential(
                jobs.RetryCount, TimeSpan.FromSeconds(jobs.RetryDelaySeconds), 2, TimeSpan.FromSeconds(jobs.MaxRetryDelaySeconds)));
            quartz.UsePersistentStore(store =>
            {
                switch (provider)
                {
                    case DatabaseProvider.PostgreSql:
                        store.UsePostgres(source => source.DataSourceFactory = sp => NpgsqlDataSource.Create(ConnectionString(sp)));
                        store.UseClustering(Cluster);
                        break;
                    case DatabaseProvider.SqlServer:
                        store.UseSqlServer(source => source.DataSourceFactory = sp => SqlClientFactory.Instance.CreateDataSource(ConnectionString(sp)));
                        store.UseClustering(Cluster);
                        break;
                    default:
                        // one instance: Quartz refuses clustering on SQLite, which fits the embedded default
                        // with the application's pragmas: busy_timeout above all (SqliteJobStoreDataSource)
                        store.UseSqlite(source => source.DataSourceFactory = sp => new SqliteJobStoreDataSource(ConnectionString(sp)));
                        break;
                }
                store.ProvisionSchema(); // creates what is missing, never alters or drops; instances racing at start are fine
            });
            quartz.AddTriggerListener<RenditionsGaveUp>();
            quartz.ScheduleJob<MaintenanceJob>(trigger => trigger
                .WithIdentity(MaintenanceTrigger)
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(jobs.MaintenanceIntervalSeconds)).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        });
        services.AddQuartzHostedService(hosted =>
        {
            hosted.AwaitApplicationStarted = true; // after the database is migrated
            hosted.WaitForJobsToComplete = false; // a job cut short by a stop is recovered or asked for again
        });
        services.AddSingleton<IJobEngineStatus, QuartzStatus>();
        services.AddSingleton<RenditionRequests>();
        services.AddSingleton<IBackgroundJobs>(sp => sp.GetRequiredService<RenditionRequests>());
        services.AddHostedService(sp => sp.GetRequiredService<RenditionRequests>());
        // after the engine's hosted service, so that it stops before the engine shuts down
        services.AddSingleton(sp => new UploadYieldPolicy(
            sp.GetRequiredService<UploadActivity>(), TimeSpan.FromSeconds(jobs.YieldToUploadsSeconds), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<YieldToUploads>();
        services.AddHostedService(sp => sp.GetRequiredService<YieldToUploads>());
        return services;
    }

    /// <summary>Each instance checks in every 5 s; one silent for 15 s is taken for dead and its jobs are run by another.</summary>
    private static void Cluster(ClusteringOptions clustering)
    {
        clustering.CheckinInterval = TimeSpan.FromSeconds(5);
        clustering.CheckinMisfireThreshold = TimeSpan.FromSeconds(15);
    }

    private static string ConnectionString(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString;

    private static void Validate(JobsOptions jobs, UploadOptions upload)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(jobs, new ValidationContext(jobs), results, validateAllProperties: true))
            throw new OptionsValidationException(JobsOptions.Section, typeof(JobsOptions), results.Select(r => r.ErrorMessage!));
        // The sweep of abandoned uploads must never take a direct upload whose URLs still work.
        if (jobs.AbandonedUploadAgeSeconds <= upload.DirectUploadLifetimeSeconds)
            throw new OptionsValidationException(JobsOptions.Section, typeof(JobsOptions),
            [
                $"Jobs:AbandonedUploadAgeSeconds ({jobs.AbandonedUploadAgeSeconds}) must be longer than " +
                $"Upload:DirectUploadLifetimeSeconds ({upload.DirectUploadLifetimeSeconds}).",
            ]);
    }
}
