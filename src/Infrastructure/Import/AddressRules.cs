using System.Net;
using System.Net.Sockets;

namespace AssetManager.Infrastructure.Import;

/// <summary>
/// Which addresses an import may connect to: any public address, and the special ones only inside the allowed
/// networks. Special are loopback, private (and carrier-grade NAT), link-local (cloud metadata services live there),
/// multicast, unspecified and reserved ranges, in IPv4 and IPv6; an IPv6 address that carries an IPv4 one (mapped,
/// compatible, NAT64, 6to4) is judged by the IPv4 address it carries.
/// </summary>
public sealed class AddressRules(IReadOnlyList<IPNetwork> allowed)
{
    private static readonly (IPNetwork Network, string Kind)[] Special =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "unspecified"),
        (IPNetwork.Parse("127.0.0.0/8"), "loopback"),
        (IPNetwork.Parse("10.0.0.0/8"), "private"),
        (IPNetwork.Parse("172.16.0.0/12"), "private"),
        (IPNetwork.Parse("192.168.0.0/16"), "private"),
        (IPNetwork.Parse("100.64.0.0/10"), "private"),
        (IPNetwork.Parse("169.254.0.0/16"), "link-local"),
        (IPNetwork.Parse("192.0.0.0/24"), "reserved"),
        (IPNetwork.Parse("198.18.0.0/15"), "reserved"),
        (IPNetwork.Parse("224.0.0.0/4"), "multicast"),
        (IPNetwork.Parse("240.0.0.0/4"), "reserved"),
        (IPNetwork.Parse("::/128"), "unspecified"),
        (IPNetwork.Parse("::1/128"), "loopback"),
        (IPNetwork.Parse("fe80::/10"), "link-local"),
        (IPNetwork.Parse("fec0::/10"), "private"),
        (IPNetwork.Parse("fc00::/7"), "private"),
        (IPNetwork.Parse("ff00::/8"), "multicast"),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork Compatible = IPNetwork.Parse("::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    /// <summary>Null when imports may reach <paramref name="address"/>; else what kind of address it is ("loopback", ...).</summary>
    public string? Refusal(IPAddress address)
    {
        var kind = KindOf(address);
        if (kind is null) return null;
        var embedded = EmbeddedIPv4(address);
        return allowed.Any(n => n.Contains(address) || (embedded is not null && n.Contains(embedded))) ? null : kind;
    }

    /// <summary>The kind of special address, or null for a public one.</summary>
    public static string? KindOf(IPAddress address)
    {
        if (EmbeddedIPv4(address) is { } v4) return KindOf(v4);
        return Special.FirstOrDefault(s => s.Network.Contains(address)).Kind;
    }

    /// <summary>The IPv4 address an IPv6 address carries (mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64, 6to4), if any.</summary>
    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return null;
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        if (SixToFour.Contains(address)) return new IPAddress(bytes.AsSpan(2, 4));
        if (Nat64.Contains(address) || (Compatible.Contains(address) && !IPAddress.IPv6Any.Equals(address) && !IPAddress.IPv6Loopback.Equals(address)))
            return new IPAddress(bytes.AsSpan(12, 4));
        return null;
    }
}
