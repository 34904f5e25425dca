using AssetManager.Application.Assets.Commands.UploadAsset;

namespace AssetManager.Application.Assets.Commands.UploadBatch;

/// <summary>
/// A multipart body of several files read as it arrives, one file part at a time; text fields may come before,
/// between or after them.
/// </summary>
public interface IBatchUploadForm
{
    /// <summary>
    /// Reads up to the next file part (what is left of the previous one is skipped); null once the body has ended, when
    /// <see cref="Fields"/> holds every text field.
    /// </summary>
    ValueTask<UploadFile?> ReadNextFileAsync(CancellationToken cancellationToken);

    /// <summary>The text fields read so far.</summary>
    IReadOnlyDictionary<string, string> Fields { get; }
}
