using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AssetManager.IntegrationTests.Fixtures;

namespace AssetManager.IntegrationTests.Uploads;

/// <summary>The service on moto with no allowed networks: loopback is as forbidden as any other special address.</summary>
public sealed class StrictImportS3ServiceFixture : S3ServiceFixture, IDisposable
{
    public LocalFileServer Files { get; } = LocalFileServer.Start();

    public void Dispose() => Files.DisposeAsync().AsTask().GetAwaiter().GetResult();
}

/// <summary>
/// Server-side request forgery: a URL whose host is, or resolves to, an address imports may not reach is refused
/// before any connection, whatever way the address is written, and the local server never sees a request.
/// </summary>
public sealed class ImportAddressTests(StrictImportS3ServiceFixture fx) : IClassFixture<StrictImportS3ServiceFixture>
{
    [Theory]
    [InlineData("http://127.0.0.1:{port}/files/{name}", "Imports may not reach 127.0.0.1: it is a loopback address.")]
    [InlineData("http://localhost:{port}/files/{name}", "Imports may not reach localhost: it resolves to a loopback address.")]
    [InlineData("http://[::1]:{port}/files/{name}", "loopback address.")]
    [InlineData("http://[::ffff:127.0.0.1]:{port}/files/{name}", "loopback address.")]
    [InlineData("http://0.0.0.0:{port}/files/{name}", "Imports may not reach 0.0.0.0: it is an unspecified address.")]
    [InlineData("http://[::]:{port}/files/{name}", "unspecified address.")]
    [InlineData("http://10.1.2.3/files/{name}", "Imports may not reach 10.1.2.3: it is a private address.")]
    [InlineData("http://172.16.5.4/files/{name}", "Imports may not reach 172.16.5.4: it is a private address.")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "Imports may not reach 169.254.169.254: it is a link-local address.")]
    [InlineData("http://224.0.0.1/files/{name}", "Imports may not reach 224.0.0.1: it is a multicast address.")]
    [InlineData("http://[ff02::1]/files/{name}", "multicast address.")]
    public async Task An_address_imports_may_not_reach_is_refused_before_any_request(string template, string message)
    {
        var client = await fx.UserAsync();
        var box = await client.CreateBoxAsync();
        var name = Guid.NewGuid().ToString("N")[..8] + ".png";
        fx.Files.Publish(name, SampleFiles.Png());
        var before = await fx.KeysAsync();

        using var response = await client.Http.PostAsJsonAsync($"/api/boxes/{box}/import/",
            new { url = template.Replace("{port}", fx.Files.Port.ToString()).Replace("{name}", name) });

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        var error = (string)JsonNode.Parse(text)!["url"]![0]!;
        Assert.EndsWith(message, error);
        Assert.StartsWith("Imports may not reach ", error);
        Assert.Empty(fx.Files.Requested);
        await fx.AssertBucketUnchangedAsync(before);
    }
}
