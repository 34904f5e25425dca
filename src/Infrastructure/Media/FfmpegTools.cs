using System.Globalization;
using AssetManager.Application.Common.Media;

namespace AssetManager.Infrastructure.Media;

/// <summary>
/// ffprobe and ffmpeg, each run under the time limit. A tool that fails on the file, or runs out of time, makes it
/// unprocessable; a tool that cannot be started at all is a fault of the machine and propagates as it is. They run
/// below the service's CPU priority unless Media:ToolsAtLowPriority is off.
/// </summary>
internal sealed class FfmpegTools(MediaOptions options)
{
    private const int LowPriorityNice = 10;

    public async Task<ProbedVideo> ProbeAsync(FfmpegInput input, CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            "-v", "error", "-print_format", "json",
            "-show_entries", "format=duration:stream=index,codec_type,width,height,duration:stream_disposition=attached_pic:stream_side_data=rotation:stream_tags=rotate",
            .. input.Arguments,
        ];
        var result = await RunAsync(options.FfprobePath, arguments, input, "read", cancellationToken);
        return ProbedVideo.FromJson(result.Output) ?? throw new UnprocessableMediaException("The file has no video stream.");
    }

    /// <summary>One frame of the stream, <paramref name="seconds"/> in, as PNG; empty when there is no frame there.</summary>
    public async Task<byte[]> GrabFrameAsync(FfmpegInput input, int streamIndex, int seconds, CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            "-nostdin", "-hide_banner", "-v", "error",
            // A decoder option: a frame larger than its header claimed is refused too.
            "-max_pixels", options.MaxPixels.ToString(CultureInfo.InvariantCulture),
            .. seconds > 0 ? ["-ss", seconds.ToString(CultureInfo.InvariantCulture)] : Array.Empty<string>(),
            .. input.Arguments,
            "-map", "0:" + streamIndex.ToString(CultureInfo.InvariantCulture), "-frames:v", "1",
            "-f", "image2pipe", "-c:v", "png", "-compression_level", "1", "-",
        ];
        var result = await RunAsync(options.FfmpegPath, arguments, input, "decode", cancellationToken);
        return result.Output;
    }

    private async Task<ProcessResult> RunAsync(string tool, string[] arguments, FfmpegInput input, string verb, CancellationToken cancellationToken)
    {
        ProcessResult result;
        try
        {
            result = await ExternalProcess.RunAsync(tool, arguments, options.TimeLimit, cancellationToken,
                nice: options.ToolsAtLowPriority ? LowPriorityNice : 0);
        }
        catch (TimeoutException e)
        {
            throw new UnprocessableMediaException(
                $"The file took longer than the time limit of {options.TimeLimitSeconds} s to {verb} ({Path.GetFileName(tool)}).", e);
        }
        if (result.ExitCode != 0)
        {
            var message = input.WithoutPath(LastLine(result.ErrorTail));
            var outcome = verb == "read" ? "The file could not be read" : "The file could not be decoded";
            throw new UnprocessableMediaException(outcome + (message.Length > 0 ? $": {message}" : "."));
        }
        return result;
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
}
