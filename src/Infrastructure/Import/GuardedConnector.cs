using System.Net;
using System.Net.Sockets;

namespace AssetManager.Infrastructure.Import;

/// <summary>
/// The imports' ConnectCallback: resolves the host itself, keeps the addresses <see cref="AddressRules"/> allows, and
/// connects to one of exactly those (then checks the address connected to once more), so a name that resolves
/// differently a moment later (DNS rebinding) gains nothing. Every connection, a redirect's too, comes through here.
/// </summary>
public sealed class GuardedConnector(AddressRules rules, TimeSpan connectTimeout)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var literal = IPAddress.TryParse(host.Trim('[', ']'), out var given);
        var addresses = literal ? [given!] : await ResolveAsync(host, cancellationToken);
        var permitted = addresses.Where(a => rules.Refusal(a) is null).ToList();
        if (permitted.Count == 0)
            throw new ImportRefusedException(
                $"Imports may not reach {host}: it {(literal ? "is" : "resolves to")} {Article(rules.Refusal(addresses[0])!)} address.");

        Exception? last = null;
        foreach (var address in permitted)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(connectTimeout);
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), timeout.Token);
                var refusal = socket.RemoteEndPoint is IPEndPoint connected ? rules.Refusal(connected.Address) : "unknown";
                if (refusal is not null)
                    throw new ImportRefusedException($"Imports may not reach {host}: it connected to {Article(refusal)} address.");
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                socket.Dispose();
                last = new ImportRefusedException($"Connecting to {host} took longer than {connectTimeout.TotalSeconds:0} seconds.");
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = new ImportRefusedException($"Could not connect to {host}: {ex.Message}");
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last!;
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, ct);
            return addresses.Length > 0 ? addresses : throw new ImportRefusedException($"The host {host} could not be found.");
        }
        catch (SocketException)
        {
            throw new ImportRefusedException($"The host {host} could not be found.");
        }
    }

    private static string Article(string kind) => (kind[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an " : "a ") + kind;
}
