using System.Net;
using AssetManager.IntegrationTests.Conventions;
using AssetManager.IntegrationTests.Fixtures;

namespace AssetManager.IntegrationTests.Hardening;

/// <summary>Behind a proxy, links are built from the configured public URL, whatever the Host header.</summary>
public sealed class PublicUrlTests : IDisposable
{
    private readonly ApiFactory _factory = new(new Dictionary<string, string?> { ["PublicUrl:BaseUrl"] = "https://assets.example.com/" });

    [Fact]
    public async Task Links_use_the_configured_public_url()
    {
        var user = await ApiClient.RegisterAsync(_factory);
        await user.CreateProjectAsync("one");
        await user.CreateProjectAsync("two");
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/projects/?page_size=1");
        request.Headers.Host = "evil.example";

        var body = await (await user.Http.SendAsync(request)).BodyAsync(HttpStatusCode.OK);

        Assert.Equal("https://assets.example.com/api/projects/?page_size=1&page=2", body.GetProperty("next").GetString());
    }

    public void Dispose() => _factory.Dispose();
}
