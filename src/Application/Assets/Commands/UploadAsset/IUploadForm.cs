namespace AssetManager.Application.Assets.Commands.UploadAsset;

/// <summary>
/// A multipart body read as it arrives. Parts may come in any order: the text fields sent before the file are
/// known when the file is reached, the ones after it only once the file has been read to its end.
/// </summary>
public interface IUploadForm
{
    /// <summary>Reads up to the first part named <c>file</c>; null when the body has none.</summary>
    ValueTask<UploadFile?> ReadFileAsync(CancellationToken cancellationToken);

    /// <summary>
    /// True when the request declared a length that no form with a file within the limit can have: the size check
    /// can then answer as soon as the file is reached, without reading it.
    /// </summary>
    bool IsDeclaredTooLarge { get; }

    /// <summary>The text fields read so far.</summary>
    IReadOnlyDictionary<string, string> Fields { get; }

    /// <summary>Reads the rest of the body (the file must have been read) and returns every text field.</summary>
    ValueTask<IReadOnlyDictionary<string, string>> ReadRemainingFieldsAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The file part: the name the client gave and its content, to be read once. <see cref="LengthAtLeast"/> is what the
/// form's declared length vouches for (0 when nothing): the content fails its read rather than end sooner.
/// </summary>
public sealed record UploadFile(string FileName, Stream Content, long LengthAtLeast = 0);
