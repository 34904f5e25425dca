namespace AssetManager.Infrastructure.Media;

/// <summary>
/// A local file as ffmpeg's input, with only the demuxers of its family allowed and only the file protocol: content
/// that sniffs as a playlist (HLS, concat, ...) is refused instead of followed to other files or the network.
/// </summary>
internal sealed record FfmpegInput(string Path, string Demuxers)
{
    /// <summary>MP4 and MOV, AVI, MKV and WebM, FLV, WMV; a name matches a demuxer that goes by several ("mov,mp4,...").</summary>
    public static FfmpegInput Video(string path) => new(path, "mov,avi,matroska,flv,asf");

    public static FfmpegInput Bmp(string path) => new(path, "bmp_pipe");

    public IEnumerable<string> Arguments =>
        ["-format_whitelist", Demuxers, "-protocol_whitelist", "file", "-i", "file:" + Path];

    /// <summary>
    /// A tool's message with the server path taken out (it becomes part of a reason shown to users): "file:/x.mp4:
    /// Invalid data found when processing input" becomes "Invalid data found when processing input".
    /// </summary>
    public string WithoutPath(string message) =>
        message.Replace("file:" + Path + ": ", "", StringComparison.Ordinal)
            .Replace("file:" + Path, "the file", StringComparison.Ordinal)
            .Replace(Path, "the file", StringComparison.Ordinal);
}
