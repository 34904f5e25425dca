namespace AssetManager.Application.Common.Storage;

/// <summary>
/// The origins besides the service's own that a browser meets the store at: where files, thumbnails and previews are
/// served (<see cref="Media"/>) and where a direct upload is sent (<see cref="Upload"/>).
/// </summary>
public sealed record BrowserOrigins(IReadOnlyList<string> Media, IReadOnlyList<string> Upload);
