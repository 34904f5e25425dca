using System.Buffers;

namespace AssetManager.Infrastructure.Storage;

/// <summary>
/// Copies a stream while telling apart whose fault a failure is: errors reading the source (the client, the size
/// limit) propagate as they are, errors writing the target go through <c>wrapWriteError</c>.
/// </summary>
internal static class StreamCopy
{
    private const int BufferSize = 256 * 1024;

    public static async Task CopyAsync(Stream source, Stream target, Func<Exception, Exception> wrapWriteError, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), ct)) > 0)
            {
                try
                {
                    await target.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    throw wrapWriteError(ex);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads until <paramref name="buffer"/> is full or the source ends; returns the bytes read.</summary>
    public static async Task<int> FillAsync(Stream source, Memory<byte> buffer, CancellationToken ct) =>
        await source.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
}
