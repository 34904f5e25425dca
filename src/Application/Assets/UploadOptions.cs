using System.ComponentModel.DataAnnotations;

namespace AssetManager.Application.Assets;

/// <summary>Section <c>Upload</c>: what an upload may carry and how long a box it found is trusted.</summary>
public sealed class UploadOptions
{
    public const string Section = "Upload";
    public const long DefaultMaxFileBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>The largest file accepted (<c>MAX_UPLOAD_SIZE</c>); a larger one gets 413.</summary>
    [Range(1, long.MaxValue, ErrorMessage = "Upload:MaxFileBytes (MAX_UPLOAD_SIZE) must be a positive number of bytes.")]
    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;

    /// <summary>
    /// How long a box an upload found is trusted without the database (docs/adr/0005); 0 turns it off. Unset: 30 s on
    /// SQLite (one instance), 0 on a server database, where several instances must see a rename at once (docs/adr/0008).
    /// </summary>
    [Range(0, 3600, ErrorMessage = "Upload:RememberBoxesSeconds must be between 0 and 3600.")]
    public int? RememberBoxesSeconds { get; set; }
}
