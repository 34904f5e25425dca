namespace AssetManager.Domain.Assets;

/// <summary>Decides an upload's type from its name and checks its leading bytes agree.</summary>
public interface IAssetTypeDetector
{
    /// <summary>How many leading bytes <see cref="Detect"/> wants to see (fewer if the file is shorter).</summary>
    int HeadLength { get; }

    /// <summary>The type by extension (case-insensitive), or null when the extension is not accepted.</summary>
    FileFormat? FromFileName(string fileName);

    /// <summary>
    /// The accepted format of a file. Throws <see cref="Common.UploadRejectedException"/> when the extension
    /// is not accepted or the leading bytes contradict it.
    /// </summary>
    FileFormat Detect(string fileName, ReadOnlySpan<byte> head);
}
