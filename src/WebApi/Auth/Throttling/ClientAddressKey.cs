using System.Net;
using System.Net.Sockets;

namespace AssetManager.WebApi.Auth.Throttling;

/// <summary>What counts as one client address for the login throttle.</summary>
public static class ClientAddressKey
{
    /// <summary>
    /// An IPv4 address as it is (also when it arrives IPv4-mapped on a dual-stack socket); an IPv6 address by its /64,
    /// the block one host or one home is given, so that a client cannot spread its guesses over 2^64 addresses of its
    /// own. No address at all (a test server) is one client.
    /// </summary>
    public static string For(IPAddress? address)
    {
        if (address is null) return "-";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
