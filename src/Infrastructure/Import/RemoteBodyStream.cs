namespace AssetManager.Infrastructure.Import;

/// <summary>
/// A download's body: reads stop at the import's deadline, and a body that breaks off is a field error on <c>url</c>
/// like any other failure of the source. Disposing it releases the response and the connection.
/// </summary>
internal sealed class RemoteBodyStream(Stream body, HttpResponseMessage response, CancellationTokenSource deadline, int timeoutSeconds) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            return await body.ReadAsync(buffer, linked.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw RemoteFileFetcher.Failed($"The download did not finish within {timeoutSeconds} seconds.");
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            throw RemoteFileFetcher.Failed($"The download broke off: {ex.Message}");
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            body.Dispose();
            response.Dispose();
            deadline.Dispose();
        }
        base.Dispose(disposing);
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
