using Amazon.S3;
using AssetManager.Infrastructure.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace AssetManager.UnitTests.Infrastructure;

public sealed class KeyFromUrlTests
{
    private static S3ObjectStorage S3(string? customDomain = null, string protocol = "https:")
    {
        var options = new StorageOptions { BucketName = "assets", CustomDomain = customDomain, UrlProtocol = protocol };
        var s3 = Substitute.For<IAmazonS3>();
        return new(s3, S3ClientFactory.CreateBodySender(options, S3ClientFactory.Create(options)),
            new StorageBucket(s3, options, NullLogger<StorageBucket>.Instance), options, NullLogger<S3ObjectStorage>.Instance);
    }

    private static DiskObjectStorage Disk(string publicBase = "") =>
        new(new StorageOptions { LocalRoot = Path.Combine(Path.GetTempPath(), "am-unit-keys"), LocalPublicBaseUrl = publicBase });

    [Theory]
    [InlineData("https://assets.s3.timeweb.com/uploads/abc123.jpg", "uploads/abc123.jpg")]
    [InlineData("https://assets.s3.timeweb.com/uploads/a%20b.jpg", "uploads/a b.jpg")]
    [InlineData("https://assets.s3.timeweb.com/uploads/abc.jpg?versionId=1", "uploads/abc.jpg")]
    [InlineData("https://assets.s3.timeweb.com/uploads/abc.jpg#frag", "uploads/abc.jpg")]
    [InlineData("HTTPS://ASSETS.S3.TIMEWEB.COM/uploads/abc.jpg", "uploads/abc.jpg")]
    public void S3_url_of_ours_gives_the_key(string url, string key) => Assert.Equal(key, S3().KeyFromUrl(url));

    [Theory]
    [InlineData("https://other.s3.timeweb.com/uploads/abc.jpg")]
    [InlineData("https://assets.s3.timeweb.com.evil.example/uploads/abc.jpg")]
    [InlineData("http://assets.s3.timeweb.com/uploads/abc.jpg")]
    [InlineData("https://assets.s3.timeweb.com")]
    [InlineData("https://assets.s3.timeweb.com/")]
    [InlineData("uploads/abc.jpg")]
    [InlineData("/media/uploads/abc.jpg")]
    [InlineData("")]
    public void S3_url_not_ours_is_null(string url) => Assert.Null(S3().KeyFromUrl(url));

    [Theory]
    [InlineData("https://assets.s3.timeweb.com/uploads/../secret.txt")]
    [InlineData("https://assets.s3.timeweb.com/../assets2/x.jpg")]
    [InlineData("https://assets.s3.timeweb.com/uploads/%2e%2e/secret.txt")]
    [InlineData("https://assets.s3.timeweb.com/uploads%2F..%2F..%2Fx")]
    [InlineData("https://assets.s3.timeweb.com/uploads/./a.jpg")]
    [InlineData("https://assets.s3.timeweb.com/uploads//a.jpg")]
    [InlineData("https://assets.s3.timeweb.com//a.jpg")]
    public void S3_url_with_path_tricks_is_null(string url) => Assert.Null(S3().KeyFromUrl(url));

    [Fact]
    public void S3_custom_domain_with_port_and_path()
    {
        var storage = S3("127.0.0.1:9000/assets", "http:");

        Assert.Equal("uploads/a.png", storage.KeyFromUrl("http://127.0.0.1:9000/assets/uploads/a.png"));
        Assert.Null(storage.KeyFromUrl("http://127.0.0.1:9000/assetsX/uploads/a.png"));
        Assert.Null(storage.KeyFromUrl("http://127.0.0.1:9000/other/uploads/a.png"));
        Assert.Null(storage.KeyFromUrl("https://assets.s3.timeweb.com/uploads/a.png"));
    }

    [Theory]
    [InlineData("/media/uploads/abc.jpg", "uploads/abc.jpg")]
    [InlineData("/media/uploads/a%20b.jpg", "uploads/a b.jpg")]
    public void Disk_url_of_ours_gives_the_key(string url, string key) => Assert.Equal(key, Disk().KeyFromUrl(url));

    [Theory]
    [InlineData("https://elsewhere.example/media/uploads/abc.jpg")]
    [InlineData("/static/uploads/abc.jpg")]
    [InlineData("/media")]
    [InlineData("/media/")]
    [InlineData("/media/../appsettings.json")]
    [InlineData("/media/uploads/../../etc/passwd")]
    [InlineData("/media/uploads/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/media/%2Fetc%2Fpasswd")]
    [InlineData("/media/uploads\\..\\..\\x")]
    [InlineData("/media/uploads%5C..%5Cx")]
    [InlineData("/media/.incoming/abc.part")]
    [InlineData("/media/uploads//abc.jpg")]
    [InlineData("")]
    public void Disk_url_not_ours_or_unsafe_is_null(string url) => Assert.Null(Disk().KeyFromUrl(url));

    [Fact]
    public void Disk_with_a_public_base()
    {
        var storage = Disk("https://api.example.com");

        Assert.Equal("uploads/a.jpg", storage.KeyFromUrl("https://api.example.com/media/uploads/a.jpg"));
        Assert.Null(storage.KeyFromUrl("/media/uploads/a.jpg"));
        Assert.Null(storage.KeyFromUrl("https://api.example.com.evil/media/uploads/a.jpg"));
    }
}
