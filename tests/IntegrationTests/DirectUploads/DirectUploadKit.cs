using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Amazon.S3;
using Amazon.S3.Model;
using AssetManager.IntegrationTests.Fixtures;
using AssetManager.IntegrationTests.Uploads;
using Xunit.Sdk;

namespace AssetManager.IntegrationTests.DirectUploads;

/// <summary>
/// The service on moto offering direct uploads in parts from 5 MiB (S3's smallest part) on, in parts of 5 MiB, with a
/// 64 MiB file limit.
/// </summary>
public class DirectS3ServiceFixture : S3ServiceFixture
{
    public const int PartSize = 5 * 1024 * 1024;
    public const long MaxFileBytes = 64L * 1024 * 1024;

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Upload:DirectMultipartThresholdBytes"] = PartSize.ToString();
        settings["Upload:DirectPartSizeBytes"] = PartSize.ToString();
        settings["MAX_UPLOAD_SIZE"] = MaxFileBytes.ToString();
    }
}

/// <summary>What a client of a direct upload does: ask, PUT to the store, list the parts held, complete.</summary>
public static class DirectUploadKit
{
    /// <summary>A client for the store's presigned URLs: no credentials of the service's, nothing but what the URL carries.</summary>
    public static readonly HttpClient Store = new() { Timeout = TimeSpan.FromMinutes(2) };

    public static Task<HttpResponseMessage> RequestAsync(this ApiClient client, int box, object body) =>
        client.Http.PostAsJsonAsync($"/api/boxes/{box}/upload-url/", body);

    /// <summary>Asks for a direct upload and insists on 201.</summary>
    public static async Task<JsonObject> StartAsync(this ApiClient client, int box, string filename, long size)
    {
        using var response = await client.RequestAsync(box, new { filename, size });
        return await BodyAsync(response, HttpStatusCode.Created);
    }

    public static Task<HttpResponseMessage> CompleteAsync(this ApiClient client, int box, object body) =>
        client.Http.PostAsJsonAsync($"/api/boxes/{box}/upload-complete/", body);

    public static Task<HttpResponseMessage> ListPartsAsync(this ApiClient client, int box, string uploadId) =>
        client.Http.GetAsync($"/api/boxes/{box}/upload-url/{uploadId}/");

    /// <summary>The single PUT with the headers the service handed out (or others, to play a careless client).</summary>
    public static async Task<HttpStatusCode> PutAsync(JsonObject target, byte[] bytes, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, (string)target["url"]!) { Content = new ByteArrayContent(bytes) };
        foreach (var (name, value) in headers ?? HeadersOf(target))
            if (!request.Headers.TryAddWithoutValidation(name, value)) request.Content.Headers.TryAddWithoutValidation(name, value);
        using var response = await Store.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>The object key a single PUT's URL names (path style: endpoint/bucket/key?signature).</summary>
    public static string KeyOf(S3ServiceFixture fx, JsonObject target)
    {
        var url = new Uri((string)(target["url"] ?? target["parts"]![0]!["url"])!);
        return Uri.UnescapeDataString(url.AbsolutePath)[$"/{fx.Bucket}/".Length..];
    }

    public static IEnumerable<KeyValuePair<string, string>> HeadersOf(JsonObject target) =>
        target["headers"]!.AsObject().Select(h => KeyValuePair.Create(h.Key, (string)h.Value!));

    /// <summary>PUTs part <paramref name="number"/> of <paramref name="file"/>; returns the store's ETag.</summary>
    public static async Task<string> PutPartAsync(JsonObject target, byte[] file, int number)
    {
        var partSize = (int)target["part_size"]!;
        var url = (string)target["parts"]!.AsArray().Single(p => (int)p!["part_number"]! == number)!["url"]!;
        var offset = (number - 1) * partSize;
        using var request = new HttpRequestMessage(HttpMethod.Put, url)
        {
            Content = new ByteArrayContent(file, offset, Math.Min(partSize, file.Length - offset)),
        };
        using var response = await Store.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK) throw new XunitException($"part {number}: {(int)response.StatusCode}");
        return response.Headers.ETag!.Tag;
    }

    public static async Task<JsonObject> BodyAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected) throw new XunitException($"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.DoesNotContain("   at ", text);
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>A PNG's signature followed by varied bytes (so that a part out of place would change the hash).</summary>
    public static byte[] LargePng(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        SampleFiles.Png(64).AsSpan(0, 8).CopyTo(bytes);
        return bytes;
    }

    public static async Task<bool> IsPublicAsync(IAmazonS3 s3, string bucket, string key)
    {
        var acl = await s3.GetACLAsync(new GetACLRequest { BucketName = bucket, Key = key });
        return acl.AccessControlList!.Grants!.Any(g => g.Grantee?.URI == "http://acs.amazonaws.com/groups/global/AllUsers" && g.Permission == S3Permission.READ);
    }

    /// <summary>Waits until the renditions job has read the object once and recorded its checksum; returns the asset then.</summary>
    public static async Task<JsonObject> WithChecksumAsync(HttpClient http, int assetId)
    {
        JsonObject? asset = null;
        await Api.EventuallyAsync(async () =>
        {
            asset = JsonNode.Parse(await http.GetStringAsync($"/api/assets/{assetId}/"))!.AsObject();
            return asset["checksum_sha256"] is not null;
        }, "the checksum of the direct upload", seconds: 60);
        return asset!;
    }
}
