using System.Net;
using System.Net.Sockets;

namespace AssetManager.IntegrationTests.Limits;

/// <summary>
/// Connections opened and left idle, as a client that never sends a request would: connected without waiting for
/// the handshake, so that many are opened at once; closed on dispose.
/// </summary>
public sealed class IdleConnections : IDisposable
{
    private readonly List<Socket> _sockets = [];

    public IdleConnections(Uri server, int count)
    {
        var endpoint = new IPEndPoint(IPAddress.Parse(server.Host), server.Port);
        for (var i = 0; i < count; i++)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { Blocking = false };
            try
            {
                socket.Connect(endpoint);
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress)
            {
            }
            _sockets.Add(socket);
        }
    }

    /// <summary>How many the server has closed (readable with nothing to read: an end of stream or a reset).</summary>
    public int ClosedByServer => _sockets.Count(ServerClosed);

    private static bool ServerClosed(Socket socket)
    {
        try
        {
            return socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    public void Dispose()
    {
        foreach (var socket in _sockets) socket.Dispose();
    }
}
