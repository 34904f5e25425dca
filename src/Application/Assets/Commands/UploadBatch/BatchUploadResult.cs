namespace AssetManager.Application.Assets.Commands.UploadBatch;

/// <summary>The assets a batch created, in the order their files came, and the files it refused, each with the reason.</summary>
public sealed record BatchUploadResult(IReadOnlyList<AssetDto> Created, IReadOnlyList<FailedFile> Failed);

/// <summary>A file of a batch that was not stored: the name the client gave and the single upload's error for it.</summary>
public sealed record FailedFile(string Filename, string Error);
