using AssetManager.Domain.Assets;

namespace AssetManager.Application.Assets.Commands.ImportAsset;

/// <summary>
/// The name an imported file is checked under: the last segment of the URL's path when its extension is accepted
/// (the URL asked for, else the one a redirect led to), else the <c>Content-Disposition</c> file name, else the
/// extension of the <c>Content-Type</c>. When none fits, the URL's own name, which the upload's check then refuses.
/// </summary>
public static class ImportedFileName
{
    private const string Fallback = "download";

    public static string Choose(Uri requested, RemoteFile file)
    {
        string?[] named = [LastSegment(requested), LastSegment(file.FinalUrl), file.DispositionFileName];
        if (named.FirstOrDefault(n => n is not null && FileFormat.FromExtension(FileFormat.ExtensionOf(n)) is not null) is { } accepted)
            return accepted;
        if (FileFormat.FromContentType(file.ContentType) is { } format)
            return Path.GetFileNameWithoutExtension(LastSegment(requested) ?? Fallback) is { Length: > 0 } stem
                ? stem + format.Extension
                : Fallback + format.Extension;
        return LastSegment(requested) ?? Fallback;
    }

    private static string? LastSegment(Uri url)
    {
        var path = Uri.UnescapeDataString(url.AbsolutePath);
        var name = path[(path.LastIndexOf('/') + 1)..];
        return name.Length > 0 ? name : null;
    }
}
