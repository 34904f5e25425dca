using System.Globalization;
using System.Text.Json;

namespace AssetManager.Infrastructure.Media;

/// <summary>The first real video stream of a file as ffprobe reports it (cover art does not count); 0 for a size it left out.</summary>
internal sealed record ProbedVideo(int StreamIndex, int Width, int Height, int Rotation, double? Duration)
{
    private bool IsTurnedAQuarter => Math.Abs(Rotation) % 180 == 90;

    /// <summary>Width as played: ffmpeg applies the rotation when it decodes, as players do.</summary>
    public int DisplayWidth => IsTurnedAQuarter ? Height : Width;

    public int DisplayHeight => IsTurnedAQuarter ? Width : Height;

    /// <summary>Reads ffprobe's JSON; null when the file has no video stream.</summary>
    public static ProbedVideo? FromJson(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (!root.TryGetProperty("streams", out var streams))
        {
            return null;
        }
        foreach (var stream in streams.EnumerateArray())
        {
            if (String(stream, "codec_type") != "video" || IsAttachedPicture(stream))
            {
                continue;
            }
            return new ProbedVideo(Int(stream, "index") ?? 0, Int(stream, "width") ?? 0, Int(stream, "height") ?? 0,
                RotationOf(stream), Seconds(root, "format") ?? Seconds(stream));
        }
        return null;
    }

    private static bool IsAttachedPicture(JsonElement stream) =>
        stream.TryGetProperty("disposition", out var disposition) && Int(disposition, "attached_pic") == 1;

    // ffmpeg 5 reports the display matrix as side data; older muxers left a "rotate" tag.
    private static int RotationOf(JsonElement stream)
    {
        if (stream.TryGetProperty("side_data_list", out var sideData))
        {
            foreach (var item in sideData.EnumerateArray())
            {
                if (Int(item, "rotation") is { } rotation)
                {
                    return rotation;
                }
            }
        }
        return stream.TryGetProperty("tags", out var tags) && int.TryParse(String(tags, "rotate"), CultureInfo.InvariantCulture, out var tag) ? tag : 0;
    }

    private static double? Seconds(JsonElement root, string section) =>
        root.TryGetProperty(section, out var element) ? Seconds(element) : null;

    private static double? Seconds(JsonElement element) =>
        double.TryParse(String(element, "duration"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
        && double.IsFinite(seconds) && seconds >= 0 ? seconds : null;

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;
}
