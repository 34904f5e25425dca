using AssetManager.Infrastructure.Storage;
using AssetManager.WebApi.Http;

namespace AssetManager.UnitTests.WebApi;

public sealed class WebAppSecurityHeadersTests
{
    [Fact]
    public void With_the_disk_store_the_app_needs_no_origin_but_its_own()
    {
        var policy = WebAppSecurityHeaders.Policy(StorageBrowserOrigins.From(new StorageOptions()));

        Assert.Equal(
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; media-src 'self' blob:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'",
            policy);
    }

    [Fact]
    public void A_disk_store_with_its_own_public_address_serves_media_from_there()
    {
        var origins = StorageBrowserOrigins.From(new StorageOptions { LocalPublicBaseUrl = "https://media.example.com/files" });

        Assert.Equal(["https://media.example.com"], origins.Media);
        Assert.Empty(origins.Upload);
    }

    [Fact]
    public void With_s3_media_come_from_the_public_domain_and_uploads_go_to_the_bucket_host()
    {
        var origins = StorageBrowserOrigins.From(new StorageOptions
        {
            BucketName = "assets", EndpointUrl = "https://s3.timeweb.com", CustomDomain = "cdn.example.com",
        });

        Assert.Equal(["https://cdn.example.com"], origins.Media);
        Assert.Equal(["https://s3.timeweb.com", "https://assets.s3.timeweb.com"], origins.Upload);
        var policy = WebAppSecurityHeaders.Policy(origins);
        Assert.Contains("img-src 'self' blob: https://cdn.example.com;", policy);
        Assert.Contains("connect-src 'self' https://s3.timeweb.com https://assets.s3.timeweb.com;", policy);
    }

    [Fact]
    public void A_path_style_endpoint_on_a_port_is_one_upload_origin()
    {
        var origins = StorageBrowserOrigins.From(new StorageOptions
        {
            BucketName = "assets", EndpointUrl = "http://127.0.0.1:9000", AddressingStyle = "path",
            CustomDomain = "127.0.0.1:9000/assets", UrlProtocol = "http:",
        });

        Assert.Equal(["http://127.0.0.1:9000"], origins.Media);
        Assert.Equal(["http://127.0.0.1:9000"], origins.Upload);
    }
}
