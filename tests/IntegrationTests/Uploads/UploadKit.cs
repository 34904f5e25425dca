using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Amazon.S3;
using Amazon.S3.Model;
using AssetManager.Infrastructure.Persistence;
using AssetManager.IntegrationTests.Fixtures;
using Xunit.Sdk;

namespace AssetManager.IntegrationTests.Uploads;

/// <summary>
/// A fresh bucket and one service using it, shared by a test class. The moto server is the one shared by the
/// whole run (moto is slow to start), unless <see cref="OwnsMoto"/> (a class that stops its server).
/// Subclasses add settings (a small size limit, ...).
/// </summary>
public abstract class S3ServiceFixture : IAsyncLifetime
{
    public MotoServer Moto { get; private set; } = null!;
    public string Bucket { get; } = "assets-" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>True for a fixture with its own moto server, which its tests may stop and start.</summary>
    protected virtual bool OwnsMoto => false;
    public IAmazonS3 S3 { get; private set; } = null!;
    public ApiFactory Factory { get; private set; } = null!;

    /// <summary>Every file_url of this bucket starts with this (path style, custom domain 127.0.0.1:PORT/bucket).</summary>
    public string PublicBase => $"http://127.0.0.1:{Moto.Port}/{Bucket}/";

    /// <summary>The service's database: SQLite unless a subclass says otherwise.</summary>
    protected virtual DatabaseProvider Database => DatabaseProvider.Sqlite;

    protected virtual void Configure(Dictionary<string, string?> settings) { }

    /// <summary>Runs on the new bucket before the service starts (rules of the bucket's own, say).</summary>
    protected virtual Task PrepareBucketAsync() => Task.CompletedTask;

    private Task<ApiClient>? _user;

    /// <summary>One registered user shared by the class's tests (registration is slow: password hashing); make a box per test.</summary>
    public Task<ApiClient> UserAsync() => _user ??= ApiClient.RegisterAsync(Factory);

    /// <summary>A new box of the shared user.</summary>
    public async Task<(ApiClient Client, int Box)> NewBoxAsync()
    {
        var client = await UserAsync();
        return (client, await client.CreateBoxAsync());
    }

    public async Task InitializeAsync()
    {
        if (OwnsMoto)
        {
            Moto = new MotoServer();
            await Moto.StartAsync();
        }
        else
        {
            Moto = await SharedMoto.GetAsync();
        }
        S3 = Moto.CreateClient();
        await S3.PutBucketAsync(Bucket);
        await PrepareBucketAsync();
        var settings = Moto.SettingsFor(Bucket);
        Configure(settings);
        Factory = new ApiFactory(settings, Database);
    }

    public async Task DisposeAsync()
    {
        Factory?.Dispose();
        S3?.Dispose();
        if (OwnsMoto && Moto is not null) await Moto.DisposeAsync();
    }

    public Task<List<string>> KeysAsync() => Bucketing.KeysAsync(S3, Bucket);

    public Task<List<MultipartUpload>> IncompleteUploadsAsync() => Bucketing.IncompleteUploadsAsync(S3, Bucket);

    /// <summary>Asserts the bucket holds exactly <paramref name="before"/> and no multipart upload is open.</summary>
    public async Task AssertBucketUnchangedAsync(IEnumerable<string> before)
    {
        Assert.Equal(before.Order(), (await KeysAsync()).Order());
        Assert.Empty(await IncompleteUploadsAsync());
    }
}

public sealed class DefaultS3ServiceFixture : S3ServiceFixture;

/// <summary>Default settings, the service on a PostgreSQL database of its own.</summary>
public sealed class DefaultS3ServiceFixtureOnPostgreSql : S3ServiceFixture
{
    protected override DatabaseProvider Database => DatabaseProvider.PostgreSql;
}

/// <summary>Default settings on a moto server of its own, for tests that stop the store.</summary>
public sealed class OwnMotoS3ServiceFixture : S3ServiceFixture
{
    protected override bool OwnsMoto => true;
}

/// <summary>One moto server for every class of the run that does not stop it; killed when the test process exits.</summary>
public static class SharedMoto
{
    private static readonly Lazy<Task<MotoServer>> Server = new(StartAsync);

    public static Task<MotoServer> GetAsync() => Server.Value;

    private static async Task<MotoServer> StartAsync()
    {
        var moto = new MotoServer();
        await moto.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => moto.StopAsync().GetAwaiter().GetResult();
        return moto;
    }
}

public static class Bucketing
{
    public static async Task<List<string>> KeysAsync(IAmazonS3 s3, string bucket)
    {
        var keys = new List<string>();
        string? token = null;
        do
        {
            var page = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, ContinuationToken = token });
            keys.AddRange((page.S3Objects ?? []).Select(o => o.Key!));
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        } while (token is not null);
        return keys;
    }

    public static async Task<List<MultipartUpload>> IncompleteUploadsAsync(IAmazonS3 s3, string bucket) =>
        (await s3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket })).MultipartUploads ?? [];

    public static async Task<byte[]> ReadAsync(IAmazonS3 s3, string bucket, string key)
    {
        using var response = await s3.GetObjectAsync(bucket, key);
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    public static async Task<bool> ExistsAsync(IAmazonS3 s3, string bucket, string key)
    {
        try
        {
            await s3.GetObjectMetadataAsync(bucket, key);
            return true;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}

/// <summary>A multipart/form-data body whose parts keep the order they were added in.</summary>
public sealed class UploadForm
{
    private readonly List<Action<MultipartFormDataContent>> _parts = [];

    public UploadForm File(string fileName, byte[] content, string? contentType = "application/octet-stream", string name = "file")
    {
        _parts.Add(form =>
        {
            var part = new ByteArrayContent(content);
            if (contentType is not null) part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            form.Add(part, name, fileName);
        });
        return this;
    }

    public UploadForm Field(string name, string value)
    {
        _parts.Add(form => form.Add(new StringContent(value), name));
        return this;
    }

    public static UploadForm WithFile(string fileName, byte[] content) => new UploadForm().File(fileName, content);

    public MultipartFormDataContent Build()
    {
        var form = new MultipartFormDataContent();
        foreach (var add in _parts) add(form);
        return form;
    }
}

public static class Api
{
    public static readonly string[] AssetFieldOrder =
    [
        "id", "box", "box_name", "asset_type", "file_url", "thumbnail_url", "is_favorite", "prompt_text",
        "ai_model", "ai_model_name", "generation_config", "seed", "created_at", "updated_at",
    ];

    /// <summary>What this service adds after the original's fourteen fields, in its order.</summary>
    public static readonly string[] AddedAssetFields =
    [
        "width", "height", "duration", "preview_url", "processing", "processing_error", "checksum_sha256", "file_size",
    ];

    /// <summary>Fields the background work fills in once the renditions are made.</summary>
    private static readonly string[] MadeByRenditions =
        ["thumbnail_url", "width", "height", "duration", "preview_url", "processing", "processing_error"];

    /// <summary>The asset without what the renditions job fills in, for comparing an asset before and after other work.</summary>
    public static JsonObject OwnersFields(JsonObject asset)
    {
        var copy = asset.DeepClone().AsObject();
        foreach (var field in MadeByRenditions) copy.Remove(field);
        return copy;
    }

    public const string AllowedList = ".jpg, .jpeg, .png, .gif, .webp, .bmp, .svg, .mp4, .mov, .avi, .mkv, .webm, .flv, .wmv";

    public static Task<HttpResponseMessage> UploadAsync(this ApiClient client, int boxId, UploadForm form) =>
        client.Http.PostAsync($"/api/boxes/{boxId}/upload/", form.Build());

    /// <summary>Uploads and insists on 201; returns the asset.</summary>
    public static async Task<JsonObject> UploadOkAsync(this ApiClient client, int boxId, UploadForm form)
    {
        using var response = await client.UploadAsync(boxId, form);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
            throw new XunitException($"Expected 201, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static Task<JsonObject> UploadJpegAsync(this ApiClient client, int boxId, string name = "image.jpg") =>
        client.UploadOkAsync(boxId, UploadForm.WithFile(name, SampleFiles.Jpeg()));

    /// <summary>Asserts the status and that the body is exactly this JSON (same members, same values).</summary>
    public static async Task AssertJsonAsync(HttpResponseMessage response, HttpStatusCode status, string expectedJson)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        AssertSameJson(expectedJson, text);
    }

    public static void AssertSameJson(string expectedJson, string actualJson)
    {
        var expected = JsonNode.Parse(expectedJson);
        var actual = JsonNode.Parse(actualJson);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"Expected body {expected?.ToJsonString()}\n     got body {actualJson}");
    }

    /// <summary>The JSON text of an error body {"field": ["message"]}.</summary>
    public static string FieldError(string field, string message) =>
        new JsonObject { [field] = new JsonArray(message) }.ToJsonString();

    public static string Error(string message) => new JsonObject { ["error"] = message }.ToJsonString();

    public const string NotFound = """{"detail": "Not found."}""";

    public static readonly Regex UploadKey = new("^uploads/[0-9a-f]{32}\\.[a-z0-9]+$");

    /// <summary>The key behind a file_url of <paramref name="fixture"/>'s bucket.</summary>
    public static string KeyOf(this S3ServiceFixture fixture, JsonObject asset)
    {
        var url = (string)asset["file_url"]!;
        Assert.StartsWith(fixture.PublicBase, url);
        return url[fixture.PublicBase.Length..];
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    /// <summary>Polls until <paramref name="condition"/> holds, or fails after <paramref name="seconds"/>.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new XunitException($"Timed out waiting for: {what}");
            await Task.Delay(100);
        }
    }
}

public static class JsonExtensions
{
    public static IEnumerable<string> Names(this JsonElement element) => element.EnumerateObject().Select(p => p.Name);
}
