namespace AssetManager.WebApi.Errors;

/// <summary>A body that cannot be read: malformed JSON (400) or a media type we do not parse (415).</summary>
public sealed class RequestBodyException(int statusCode, string detail) : Exception(detail)
{
    public int StatusCode { get; } = statusCode;
}
