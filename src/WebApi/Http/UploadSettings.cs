using AssetManager.Application.Assets.Commands.UploadAsset;

namespace AssetManager.WebApi.Http;

/// <summary><c>MAX_UPLOAD_SIZE</c> (or <c>Upload:MaxFileBytes</c>), and the room the form around the file may take.</summary>
public static class UploadSettings
{
    /// <summary>Room for the multipart framing and the text fields around the file.</summary>
    public const long FormOverheadBytes = 16 * 1024 * 1024;

    public static long MaxFileBytes(IConfiguration configuration)
    {
        var text = configuration["Upload:MaxFileBytes"] ?? configuration["MAX_UPLOAD_SIZE"];
        return long.TryParse(text, out var value) && value > 0 ? value : UploadLimits.DefaultMaxFileBytes;
    }
}
