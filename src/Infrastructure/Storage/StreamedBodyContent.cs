using System.Buffers;
using System.Net;

namespace AssetManager.Infrastructure.Storage;

/// <summary>
/// A request body of a known length read from a source as it arrives, never held in memory. It can be sent only
/// once. <see cref="SourceDone"/> completes when it has stopped reading the source: with its share read, the caller
/// may go on reading the source while the store answers; when a read failed, <see cref="SourceError"/> keeps the
/// error, which is the caller's to report rather than the transport's.
/// </summary>
internal sealed class StreamedBodyContent(Stream source, long length) : HttpContent
{
    private const int BufferSize = 64 * 1024;

    private readonly TaskCompletionSource _sourceDone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task SourceDone => _sourceDone.Task;

    public Exception? SourceError { get; private set; }

    /// <summary>Told true before each write to the store, false before each read of the source (for a stall timer).</summary>
    public Action<bool>? WaitingOnStore { get; set; }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            for (var left = length; left > 0;)
            {
                WaitingOnStore?.Invoke(false);
                var read = await ReadSourceAsync(buffer.AsMemory(0, (int)Math.Min(BufferSize, left)), cancellationToken);
                WaitingOnStore?.Invoke(true);
                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                left -= read;
            }
            _sourceDone.TrySetResult();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long computed)
    {
        computed = length;
        return true;
    }

    private async Task<int> ReadSourceAsync(Memory<byte> buffer, CancellationToken ct)
    {
        try
        {
            var read = await source.ReadAsync(buffer, ct);
            return read > 0 ? read : throw new EndOfStreamException($"the source ended before the {length} bytes it vouched for");
        }
        catch (Exception ex)
        {
            SourceError = ex;
            _sourceDone.TrySetResult();
            throw;
        }
    }
}
