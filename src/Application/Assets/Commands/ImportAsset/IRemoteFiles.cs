namespace AssetManager.Application.Assets.Commands.ImportAsset;

/// <summary>Fetches files from other servers for import, refusing what the service must not reach (server-side request forgery).</summary>
public interface IRemoteFiles
{
    /// <summary>
    /// Sends a GET (following a few redirects, each checked as the first request) and returns once the response's
    /// headers are in. A URL that is refused, cannot be reached, takes too long or answers other than 2xx throws
    /// <see cref="Domain.Common.FieldValidationException"/> on <c>url</c>, saying why; so does reading the content
    /// later when the body is cut short or the time allowed for the whole download passes.
    /// </summary>
    Task<RemoteFile> OpenAsync(Uri url, CancellationToken cancellationToken);
}

/// <summary>A response being downloaded: where it came from in the end, what its headers say, and its body, to be read once.</summary>
public sealed class RemoteFile(Uri finalUrl, string? dispositionFileName, string? contentType, long? length, Stream content) : IAsyncDisposable
{
    public Uri FinalUrl { get; } = finalUrl;

    /// <summary>The file name of the <c>Content-Disposition</c> header, if any.</summary>
    public string? DispositionFileName { get; } = dispositionFileName;

    public string? ContentType { get; } = contentType;

    /// <summary>The declared length; the body fails its read rather than end sooner.</summary>
    public long? Length { get; } = length;

    public Stream Content { get; } = content;

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
