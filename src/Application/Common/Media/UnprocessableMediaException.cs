namespace AssetManager.Application.Common.Media;

/// <summary>
/// The file itself cannot be made into renditions: it cannot be decoded, it is over the pixel limit, it has no video
/// stream, or its tool ran out of time. Trying again will not help. <see cref="Exception.Message"/> is the reason,
/// fit to show to the file's owner (it names no server path).
/// </summary>
public sealed class UnprocessableMediaException : Exception
{
    public UnprocessableMediaException(string reason)
        : base(reason)
    {
    }

    public UnprocessableMediaException(string reason, Exception innerException)
        : base(reason, innerException)
    {
    }
}
