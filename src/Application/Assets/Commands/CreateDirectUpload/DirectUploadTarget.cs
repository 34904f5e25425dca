using System.Text.Json.Serialization;
using AssetManager.Application.Common.Storage;

namespace AssetManager.Application.Assets.Commands.CreateDirectUpload;

/// <summary>
/// Where the client sends a file itself: one presigned PUT (<see cref="Url"/>, <see cref="Method"/>,
/// <see cref="Headers"/> to send with it), or for a large file presigned parts of <see cref="PartSize"/> bytes, the
/// last one shorter. Either way valid until <see cref="ExpiresAt"/>.
/// </summary>
public sealed record DirectUploadTarget(
    string UploadId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Url,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Method,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Headers,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? PartSize,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<PresignedPart>? Parts,
    DateTime ExpiresAt)
{
    public static DirectUploadTarget Single(string uploadId, PresignedRequest put, DateTime expiresAt) =>
        new(uploadId, put.Url, "PUT", put.Headers, null, null, expiresAt);

    public static DirectUploadTarget InParts(string uploadId, long partSize, IReadOnlyList<PresignedPart> parts, DateTime expiresAt) =>
        new(uploadId, null, null, null, partSize, parts, expiresAt);
}

/// <summary>A presigned UploadPart: PUT the part's bytes to <see cref="Url"/>, keep the ETag the store answers.</summary>
public sealed record PresignedPart(int PartNumber, string Url);
