using System.ComponentModel.DataAnnotations;
using System.Net;

namespace AssetManager.Infrastructure.Import;

/// <summary>Section <c>Import</c>: what import-from-URL may reach and how long it may take.</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>
    /// Addresses or CIDR ranges, comma-separated (<c>IMPORT_ALLOWED_NETWORKS</c>), that imports may reach although they
    /// are loopback, private, link-local, multicast or unspecified: a file server on the service's own network.
    /// </summary>
    public string AllowedNetworks { get; set; } = "";

    /// <summary>How long connecting to the source may take.</summary>
    [Range(1, 300, ErrorMessage = "Import:ConnectTimeoutSeconds must be between 1 and 300.")]
    public int ConnectTimeoutSeconds { get; set; } = 10;

    /// <summary>How long the whole download may take, redirects and body included.</summary>
    [Range(1, 86_400, ErrorMessage = "Import:TimeoutSeconds must be between 1 and 86400.")]
    public int TimeoutSeconds { get; set; } = 600;

    /// <summary>Redirects followed, each checked as the first request; one more fails the import.</summary>
    [Range(0, 20, ErrorMessage = "Import:MaxRedirects must be between 0 and 20.")]
    public int MaxRedirects { get; set; } = 5;

    // Methods, not properties: the configuration binder reads every property, valid or not.
    public IEnumerable<string> AllowedNetworkEntries() =>
        AllowedNetworks.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The allowed networks (validated at start); an address alone is a network of one.</summary>
    public IReadOnlyList<IPNetwork> Networks() => AllowedNetworkEntries().Select(e => ParseNetwork(e)!.Value).ToList();

    public static IPNetwork? ParseNetwork(string entry)
    {
        if (IPNetwork.TryParse(entry, out var network)) return network;
        return IPAddress.TryParse(entry.Trim('[', ']'), out var address)
            ? new IPNetwork(address, address.GetAddressBytes().Length * 8)
            : null;
    }
}
