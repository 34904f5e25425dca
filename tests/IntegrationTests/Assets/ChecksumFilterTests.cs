using System.Net;
using System.Text.Json.Nodes;
using AssetManager.IntegrationTests.Conventions;
using AssetManager.IntegrationTests.Fixtures;
using AssetManager.IntegrationTests.Uploads;
using UploadApi = AssetManager.IntegrationTests.Uploads.Api;

namespace AssetManager.IntegrationTests.Assets;

/// <summary><c>?checksum=</c>: the caller's files with that content, in all their boxes or in one; nobody else's.</summary>
public sealed class ChecksumFilterTests(SharedApi api) : IClassFixture<SharedApi>
{
    private static async Task<List<int>> IdsAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!["results"]!.AsArray().Select(a => (int)a!["id"]!).Order().ToList();
    }

    [Fact]
    public async Task The_same_content_is_found_in_the_callers_boxes_only()
    {
        var owner = await ApiClient.RegisterAsync(api.Factory);
        var stranger = await ApiClient.RegisterAsync(api.Factory);
        var bytes = SampleFiles.Png(7777);
        var checksum = UploadApi.Sha256(bytes).ToLowerInvariant();
        var first = await owner.CreateBoxAsync();
        var second = await owner.CreateBoxAsync();
        var a = await owner.UploadOkAsync(first, UploadForm.WithFile("a.png", bytes));
        var b = await owner.UploadOkAsync(second, UploadForm.WithFile("copy.png", bytes));
        await owner.UploadOkAsync(first, UploadForm.WithFile("other.png", SampleFiles.Png(7778)));
        await stranger.UploadOkAsync(await stranger.CreateBoxAsync(), UploadForm.WithFile("theirs.png", bytes));
        Assert.Equal(checksum, (string)a["checksum_sha256"]!);

        Assert.Equal([(int)a["id"]!, (int)b["id"]!], await IdsAsync(owner.Http, $"/api/assets/?checksum={checksum}"));
        Assert.Equal([(int)a["id"]!, (int)b["id"]!], await IdsAsync(owner.Http, $"/api/assets/?checksum={checksum.ToUpperInvariant()}"));
        Assert.Equal([(int)b["id"]!], await IdsAsync(owner.Http, $"/api/boxes/{second}/assets/?checksum={checksum}"));
        Assert.Empty(await IdsAsync(owner.Http, $"/api/assets/?checksum={new string('0', 64)}"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("zz0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0")]
    public async Task A_checksum_that_is_not_64_hex_digits_is_a_field_error(string checksum)
    {
        var owner = await api.UserAsync();

        using var response = await owner.Http.GetAsync($"/api/assets/?checksum={checksum}");

        await UploadApi.AssertJsonAsync(response, HttpStatusCode.BadRequest,
            UploadApi.FieldError("checksum", "Enter a SHA-256 checksum: 64 hexadecimal digits."));
    }
}
