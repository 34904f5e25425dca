namespace AssetManager.Application.Assets.Commands.UploadAsset;

/// <summary>The largest file accepted (<c>MAX_UPLOAD_SIZE</c>, 2 GiB by default).</summary>
public sealed record UploadLimits(long MaxFileBytes = UploadLimits.DefaultMaxFileBytes)
{
    public const long DefaultMaxFileBytes = 2L * 1024 * 1024 * 1024;
}
