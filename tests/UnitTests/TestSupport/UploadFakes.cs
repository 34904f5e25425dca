using AssetManager.Application.Assets.Commands.UploadAsset;
using AssetManager.Application.Common.Storage;
using AssetManager.Domain.Assets;
using NSubstitute;

namespace AssetManager.UnitTests.TestSupport;

public static class UploadFakes
{
    /// <summary>A form whose text fields before the file are <paramref name="before"/>, and all of them <paramref name="before"/> + <paramref name="after"/>.</summary>
    public static IUploadForm Form(
        UploadFile? file, IReadOnlyDictionary<string, string>? before = null, IReadOnlyDictionary<string, string>? after = null)
    {
        var early = before ?? new Dictionary<string, string>();
        var all = new Dictionary<string, string>(early);
        foreach (var (key, value) in after ?? new Dictionary<string, string>()) all[key] = value;
        var form = Substitute.For<IUploadForm>();
        form.Fields.Returns(early);
        form.ReadFileAsync(Arg.Any<CancellationToken>()).Returns(new ValueTask<UploadFile?>(file));
        form.ReadRemainingFieldsAsync(Arg.Any<CancellationToken>())
            .Returns(new ValueTask<IReadOnlyDictionary<string, string>>(all));
        return form;
    }

    public static IUploadForm Form(string fileName, byte[] content, IReadOnlyDictionary<string, string>? before = null,
        IReadOnlyDictionary<string, string>? after = null) =>
        Form(new UploadFile(fileName, new MemoryStream(content)), before, after);

    public static Dictionary<string, string> Fields(params (string Key, string Value)[] fields) =>
        fields.ToDictionary(f => f.Key, f => f.Value);
}

/// <summary>
/// An <see cref="IObjectStorage"/> substitute that, like a real store, reads the whole stream it is given
/// (so the size limit fires inside PutAsync) and remembers what it got.
/// </summary>
public sealed class StorageSpy
{
    public const string BaseUrl = "https://bucket.s3.example.com/";

    public IObjectStorage Storage { get; } = Substitute.For<IObjectStorage>();
    public Dictionary<string, (byte[] Bytes, string ContentType)> Objects { get; } = new();

    public StorageSpy()
    {
        Storage.PutAsync(Arg.Any<string>(), Arg.Any<Stream>(), Arg.Any<string>(), Arg.Any<long>(), Arg.Any<CancellationToken>())
            .Returns(async call =>
            {
                var key = call.ArgAt<string>(0);
                var copy = new MemoryStream();
                await call.ArgAt<Stream>(1).CopyToAsync(copy, call.ArgAt<CancellationToken>(4));
                Objects[key] = (copy.ToArray(), call.ArgAt<string>(2));
                return new StoredFile(key, BaseUrl + key);
            });
        Storage.DeleteAsync(Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(call =>
            {
                Objects.Remove(call.ArgAt<string>(0));
                return Task.CompletedTask;
            });
    }
}
