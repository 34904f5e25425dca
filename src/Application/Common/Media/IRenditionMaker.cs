using AssetManager.Domain.Assets;

namespace AssetManager.Application.Common.Media;

/// <summary>Makes the thumbnail and the preview of an image or a video and reads its media facts.</summary>
public interface IRenditionMaker
{
    /// <summary>
    /// Reads the original at <paramref name="sourcePath"/> (its format given by <paramref name="format"/>), writes the
    /// thumbnail and preview WebP files to the given paths, returns the media facts. Throws
    /// <see cref="UnprocessableMediaException"/> for a file that cannot be processed; anything else (a missing source,
    /// an unwritable output, a cancellation) propagates as it is. On any failure neither output file is left.
    /// </summary>
    Task<MediaFacts> MakeAsync(string sourcePath, FileFormat format, RenditionFiles output, CancellationToken cancellationToken);
}
