using AssetManager.Infrastructure.Media;

namespace AssetManager.UnitTests.Infrastructure.Media;

/// <summary>Videos made on the spot by ffmpeg from its lavfi test sources, and broken files by hand.</summary>
public static class VideoSamples
{
    /// <summary>The lavfi test pattern, width x height, for that many seconds.</summary>
    public static Task<string> TestPatternAsync(string path, int width, int height, double seconds, params string[] codec) =>
        FfmpegAsync(path, ["-f", "lavfi", "-i", $"testsrc=duration={seconds:0.###}:size={width}x{height}:rate=25", .. codec, "-pix_fmt", "yuv420p"]);

    /// <summary>Red for the first 0.8 s, blue after: the frame taken shows which moment was used.</summary>
    public static Task<string> RedThenBlueAsync(string path, double seconds) =>
        FfmpegAsync(path,
        [
            "-f", "lavfi", "-i", "color=c=red:size=320x240:rate=25:duration=0.8",
            "-f", "lavfi", "-i", $"color=c=blue:size=320x240:rate=25:duration={seconds - 0.8:0.###}",
            "-filter_complex", "[0][1]concat=n=2:v=1:a=0", "-pix_fmt", "yuv420p",
        ]);

    public static Task<string> SolidAsync(string path, string colour, double seconds) =>
        FfmpegAsync(path, ["-f", "lavfi", "-i", $"color=c={colour}:size=320x240:rate=25:duration={seconds:0.###}", "-pix_fmt", "yuv420p"]);

    /// <summary>A copy of a video whose display matrix turns it a quarter (as phones record portrait video).</summary>
    public static Task<string> RotatedAsync(string source, string path) =>
        FfmpegAsync(path, ["-i", source, "-c", "copy", "-metadata:s:v:0", "rotate=90"]);

    public static Task<string> AudioOnlyAsync(string path) =>
        FfmpegAsync(path, ["-f", "lavfi", "-i", "sine=duration=1", "-c:a", "aac"]);

    /// <summary>An MP4 with a movie header and no track at all: ftyp, then moov holding only mvhd.</summary>
    public static string WithoutTracks(string path)
    {
        var mvhd = new byte[108];
        Write32(mvhd, 0, 108);
        "mvhd"u8.CopyTo(mvhd.AsSpan(4));
        Write32(mvhd, 20, 1000); // timescale; version, flags, times and duration stay 0
        Write32(mvhd, 28, 0x00010000); // rate 1.0
        mvhd[32] = 1; // volume 1.0
        Write32(mvhd, 44, 0x00010000); // the identity matrix
        Write32(mvhd, 60, 0x00010000);
        Write32(mvhd, 76, 0x40000000);
        Write32(mvhd, 104, 1); // next track id
        var file = new byte[20 + 8 + mvhd.Length];
        Write32(file, 0, 20);
        "ftypisom"u8.CopyTo(file.AsSpan(4));
        Write32(file, 12, 0x200);
        "isom"u8.CopyTo(file.AsSpan(16));
        Write32(file, 20, 8 + mvhd.Length);
        "moov"u8.CopyTo(file.AsSpan(24));
        mvhd.CopyTo(file, 28);
        File.WriteAllBytes(path, file);
        return path;
    }

    /// <summary>
    /// An HLS playlist saved as .mp4, whose one segment is another file on the disk: ffmpeg left to sniff the
    /// format would read that file and make the renditions of it.
    /// </summary>
    public static string PlaylistPointingAt(string path, string otherFile)
    {
        File.WriteAllText(path, $"#EXTM3U\n#EXT-X-TARGETDURATION:3\n#EXTINF:3,\n{otherFile}\n#EXT-X-ENDLIST\n");
        return path;
    }

    /// <summary>A shell script standing in for ffmpeg or ffprobe: it starts a child that sleeps and waits for it.</summary>
    public static string SlowTool(string path, string pidFile)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("The stand-in tool is a shell script.");
        File.WriteAllText(path, $"#!/bin/sh\necho $$ > '{pidFile}'\nsleep 300 &\necho $! >> '{pidFile}'\nwait\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private static async Task<string> FfmpegAsync(string path, string[] arguments)
    {
        var result = await ExternalProcess.RunAsync("ffmpeg", ["-nostdin", "-v", "error", "-y", .. arguments, path], TimeSpan.FromMinutes(1), default);
        Assert.True(result.ExitCode == 0, result.ErrorTail);
        return path;
    }

    private static void Write32(byte[] bytes, int offset, int value) =>
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(offset), value);
}
