using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace AssetManager.WebApi.Http;

/// <summary>
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges): the reverse
/// proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed. Behind a proxy every request
/// comes from the proxy's address, so without this the login throttle would count every client as one.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    public string[] KnownProxies { get; set; } = [];

    public string[] KnownNetworks { get; set; } = [];

    public bool Any => KnownProxies.Length + KnownNetworks.Length > 0;

    public bool IsValid =>
        KnownProxies.All(p => IPAddress.TryParse(p, out _)) && KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _));
}

public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddForwardedHeadersSettings(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersSettings>()
            .BindConfiguration(ForwardedHeadersSettings.Section)
            .Validate(s => s.IsValid, "ForwardedHeaders:KnownProxies must be IP addresses and ForwardedHeaders:KnownNetworks CIDR ranges such as 10.0.0.0/8.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((options, settings) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured proxies: not the loopback ones trusted by default, which any local process could be.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in settings.Value.KnownProxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in settings.Value.KnownNetworks) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return services;
    }

    /// <summary>First in the pipeline, and only when proxies are configured: otherwise the headers are not believed.</summary>
    public static IApplicationBuilder UseConfiguredForwardedHeaders(this WebApplication app) =>
        app.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value.Any ? app.UseForwardedHeaders() : app;
}
