using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace AssetManager.WebApi.Hosting;

/// <summary>
/// Kestrel's limits from configuration (<c>Kestrel:Limits:*</c>: the host binds Kestrel's endpoints from configuration
/// but not its limits, dotnet/aspnetcore#4765), and a connection limit that the open-file limit can hold. Kestrel
/// accepts connections beyond its limit and closes them at once, so the established ones go on; without a limit
/// idle connections alone filled the descriptor table, and the process then died (docs/security.md).
/// </summary>
public static class ConnectionLimits
{
    public const string KestrelLimitsSection = "Kestrel:Limits";

    /// <summary>The least connection limit set, however low the open-file limit.</summary>
    public const long LeastConnections = 64;

    /// <summary>An open-file limit below this is worth a warning at start.</summary>
    public const long LowOpenFileLimit = 4096;

    public static IServiceCollection AddConnectionLimits(this IServiceCollection services)
    {
        services.AddOptions<ConnectionOptions>()
            .BindConfiguration(ConnectionOptions.SectionName)
            .Validate(o => o.ReservedFileDescriptors >= 0, "Connections:ReservedFileDescriptors must not be negative")
            .ValidateOnStart();
        services.AddHostedService<RefusedConnectionsLog>();
        services.AddOptions<KestrelServerOptions>().Configure<IConfiguration, IOptions<ConnectionOptions>, ILoggerFactory>(
            (kestrel, configuration, options, logs) => Apply(kestrel.Limits, configuration.GetSection(KestrelLimitsSection),
                options.Value, logs.CreateLogger(typeof(ConnectionLimits).FullName!)));
        return services;
    }

    public static void Apply(KestrelServerLimits limits, IConfiguration kestrelLimits, ConnectionOptions options, ILogger logger)
    {
        kestrelLimits.Bind(limits);
        var before = OpenFileLimit.Read();
        var files = options.RaiseOpenFileLimit ? OpenFileLimit.RaiseSoftToHard() : before;
        if (files is not { } found) return; // not Linux: Kestrel's defaults, or what is configured
        var (soft, hard) = found;

        if (before is { } old && old.Soft != soft)
            logger.LogInformation("Raised the open-file limit from {Before} to {After}", old.Soft, soft);
        var (connections, upgraded) = Budget(soft, options.ReservedFileDescriptors,
            limits.MaxConcurrentConnections, limits.MaxConcurrentUpgradedConnections);
        if (connections < limits.MaxConcurrentConnections || upgraded < limits.MaxConcurrentUpgradedConnections)
            logger.LogWarning(
                "Kestrel:Limits asks for {Connections} connections and {Upgraded} upgraded ones, more than the open-file " +
                "limit {Soft} holds beyond the {Reserved} kept for the process: using {Used} and {UsedUpgraded}",
                limits.MaxConcurrentConnections, limits.MaxConcurrentUpgradedConnections, soft,
                options.ReservedFileDescriptors, connections, upgraded);
        limits.MaxConcurrentConnections = connections;
        limits.MaxConcurrentUpgradedConnections = upgraded;

        if (soft < LowOpenFileLimit)
            logger.LogWarning(
                "The open-file limit is {Soft} (hard {Hard}), low for a server: at most {Connections} connections are " +
                "accepted. Raise it: LimitNOFILE=65536 in the systemd unit, or ulimit -n (docs/security.md)",
                soft, hard, connections);
        else
            logger.LogInformation("Open-file limit {Soft}: at most {Connections} connections ({Upgraded} upgraded)",
                soft, connections, upgraded);
    }

    /// <summary>
    /// The connection limits the open-file limit holds, given what it leaves beyond the reserve. By default half of it
    /// goes to connections, and the other half stays for their second descriptor while they upload (a file on disk,
    /// a connection to the store). Upgraded connections (WebSockets), which Kestrel counts apart, get none by default:
    /// no endpoint upgrades one. Given values are kept if they fit, cut down to it if not.
    /// </summary>
    public static (long Connections, long Upgraded) Budget(long openFileLimit, long reserved, long? connections, long? upgraded)
    {
        var room = Math.Max(LeastConnections, openFileLimit - reserved);
        var allowed = Math.Min(connections ?? room / 2, room);
        return (allowed, Math.Min(upgraded ?? 0, room - allowed));
    }
}
