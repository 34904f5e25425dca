using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace AssetManager.WebApi.Http;

/// <summary>Section <c>PublicUrl</c>: the address clients reach the service at, for the links it writes.</summary>
public sealed class PublicUrlOptions
{
    public const string Section = "PublicUrl";

    /// <summary>e.g. <c>https://assets.example.com</c>; empty: from the request, when that can be trusted.</summary>
    public string BaseUrl { get; set; } = "";
}

/// <summary>
/// The scheme, host and base path of absolute links (pagination's next and previous), never taken from an arbitrary
/// <c>Host</c> header: the configured public URL; else the request's host when <c>AllowedHosts</c> names the hosts
/// (host filtering has then refused any other) or when it is the address the client actually connected to (or
/// <c>localhost</c> on that port); else that address itself.
/// </summary>
public sealed class PublicBaseUrl(IOptions<PublicUrlOptions> publicUrl, IOptions<HostFilteringOptions> hostFiltering)
{
    public string For(HttpRequest request)
    {
        if (publicUrl.Value.BaseUrl is { Length: > 0 } configured) return configured.TrimEnd('/');
        var connection = request.HttpContext.Connection;
        if (HostsAreFiltered() || IsTheConnectedAddress(request.Host, connection))
            return $"{request.Scheme}://{request.Host}{request.PathBase}";
        var local = connection.LocalIpAddress ?? IPAddress.Loopback;
        var host = local.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{local}]" : local.ToString();
        return $"{request.Scheme}://{host}:{connection.LocalPort}{request.PathBase}";
    }

    private bool HostsAreFiltered() =>
        hostFiltering.Value.AllowedHosts is { Count: > 0 } hosts && !hosts.Contains("*");

    private static bool IsTheConnectedAddress(HostString host, ConnectionInfo connection)
    {
        if (!host.HasValue || host.Port is { } port && port != connection.LocalPort) return false;
        if (host.Port is null && connection.LocalPort is not (80 or 443)) return false;
        var name = host.Host.Trim('[', ']');
        if (name.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(name, out var address) && connection.LocalIpAddress is { } local
            && (address.Equals(local) || address.Equals(local.MapToIPv4()) || address.MapToIPv4().Equals(local.MapToIPv4()));
    }
}
