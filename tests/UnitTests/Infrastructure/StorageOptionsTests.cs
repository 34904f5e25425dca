using AssetManager.Infrastructure.Storage;
using AssetManager.Infrastructure;
using AssetManager.UnitTests.TestSupport;
using AssetManager.WebApi.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AssetManager.UnitTests.Infrastructure;

public sealed class StorageOptionsTests
{
    private static StorageOptions From(params (string Key, string? Value)[] settings) => Settings.Bind<StorageOptions>(settings);

    [Fact]
    public void Defaults_are_the_originals()
    {
        var options = From();

        Assert.False(options.UsesS3);
        Assert.Null(options.BucketName);
        Assert.Equal("ru-1", options.Region);
        Assert.Equal("https://s3.timeweb.com", options.EndpointUrl);
        Assert.Null(options.CustomDomain);
        Assert.Equal("https:", options.UrlProtocol);
        Assert.Equal("virtual", options.AddressingStyle);
        Assert.False(options.UsesPathStyle);
        Assert.Equal("public-read", options.DefaultAcl);
        Assert.True(options.UsesAcl);
        Assert.True(options.CreateBucket);
        Assert.True(options.StreamFirstPart);
        Assert.Equal("/srv/app/data/media", options.LocalRoot);
        Assert.Equal("", options.LocalPublicBaseUrl);
    }

    [Fact]
    public void Reads_the_original_environment_variables()
    {
        // A prefix of our own keeps this test's variables apart from the process's real ones.
        const string prefix = "AMUT_STORAGE_OPTIONS_";
        var variables = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIA-test",
            ["AWS_SECRET_ACCESS_KEY"] = "secret-test",
            ["AWS_STORAGE_BUCKET_NAME"] = "assets",
            ["AWS_S3_REGION_NAME"] = "eu-west-1",
            ["AWS_S3_ENDPOINT_URL"] = "http://127.0.0.1:9000",
            ["AWS_S3_CUSTOM_DOMAIN"] = "127.0.0.1:9000/assets",
            ["AWS_S3_URL_PROTOCOL"] = "http:",
            ["AWS_S3_ADDRESSING_STYLE"] = "path",
            ["AWS_DEFAULT_ACL"] = "none",
            ["AWS_S3_CREATE_BUCKET"] = "false",
        };
        foreach (var (name, value) in variables) Environment.SetEnvironmentVariable(prefix + name, value);
        try
        {
            var configuration = new ConfigurationManager();
            configuration.AddEnvironmentVariables(prefix);
            configuration.AddOriginalSettingNames();
            var options = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging()
                .AddInfrastructure(configuration, Settings.ContentRoot).BuildServiceProvider()
                .GetRequiredService<IOptions<StorageOptions>>().Value;

            Assert.Equal("AKIA-test", options.AccessKeyId);
            Assert.Equal("secret-test", options.SecretAccessKey);
            Assert.Equal("assets", options.BucketName);
            Assert.True(options.UsesS3);
            Assert.Equal("eu-west-1", options.Region);
            Assert.Equal("http://127.0.0.1:9000", options.EndpointUrl);
            Assert.Equal("127.0.0.1:9000/assets", options.CustomDomain);
            Assert.Equal("http:", options.UrlProtocol);
            Assert.True(options.UsesPathStyle);
            Assert.False(options.UsesAcl);
            Assert.False(options.CreateBucket);
            Assert.Equal("http://127.0.0.1:9000/assets", options.PublicBaseUrl);
        }
        finally
        {
            foreach (var name in variables.Keys) Environment.SetEnvironmentVariable(prefix + name, null);
        }
    }

    [Fact]
    public void The_dotnet_section_works_and_wins_over_the_environment_names()
    {
        var options = From(
            ("Storage:BucketName", "from-section"), ("AWS_STORAGE_BUCKET_NAME", "from-env"),
            ("Storage:Region", "kz-1"), ("Storage:EndpointUrl", "https://s3.example.net"),
            ("Storage:DefaultAcl", ""), ("Storage:PartSizeBytes", "10485760"), ("Storage:MaxConcurrentParts", "2"),
            ("Storage:StreamFirstPart", "false"),
            ("Storage:LocalRoot", "/data/m"), ("Storage:LocalPublicBaseUrl", "https://api.example.com/"));

        Assert.Equal("from-section", options.BucketName);
        Assert.Equal("kz-1", options.Region);
        Assert.Equal("https://s3.example.net", options.EndpointUrl);
        Assert.False(options.UsesAcl);
        Assert.Equal(10 * 1024 * 1024, options.PartSizeBytes);
        Assert.Equal(2, options.MaxConcurrentParts);
        Assert.False(options.StreamFirstPart);
        Assert.Equal("/data/m", options.LocalRoot);
        Assert.Equal("https://api.example.com", options.LocalPublicBaseUrl);
    }

    [Fact]
    public void Empty_values_mean_the_default()
    {
        var options = From(("AWS_STORAGE_BUCKET_NAME", ""), ("AWS_S3_REGION_NAME", " "), ("AWS_S3_ENDPOINT_URL", ""),
            ("AWS_S3_URL_PROTOCOL", ""), ("AWS_S3_CUSTOM_DOMAIN", ""));

        Assert.False(options.UsesS3);
        Assert.Equal("ru-1", options.Region);
        Assert.Equal("https://s3.timeweb.com", options.EndpointUrl);
        Assert.Equal("https:", options.UrlProtocol);
        Assert.Null(options.CustomDomain);
    }

    [Theory]
    [InlineData("Storage:PartSizeBytes", "1024", "Storage:PartSizeBytes")]
    [InlineData("Storage:MaxConcurrentParts", "0", "Storage:MaxConcurrentParts")]
    [InlineData("AWS_S3_ENDPOINT_URL", "s3.example.com", "AWS_S3_ENDPOINT_URL")]
    [InlineData("AWS_S3_ADDRESSING_STYLE", "sideways", "AWS_S3_ADDRESSING_STYLE")]
    [InlineData("AWS_S3_URL_PROTOCOL", "ftp:", "AWS_S3_URL_PROTOCOL")]
    [InlineData("AWS_ACCESS_KEY_ID", "AKIA", "AWS_SECRET_ACCESS_KEY")]
    public void A_value_that_cannot_work_stops_the_start_naming_the_setting(string key, string value, string named)
    {
        var error = Assert.Throws<OptionsValidationException>(() => From(("AWS_STORAGE_BUCKET_NAME", "assets"), (key, value)));

        Assert.Contains(named, string.Join(" ", error.Failures));
    }

    [Fact]
    public void A_value_of_the_wrong_type_stops_the_start_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => From(("AWS_S3_CREATE_BUCKET", "perhaps")));

        Assert.Contains("Storage:CreateBucket", error.Message);
    }

    [Theory]
    [InlineData("path", true)]
    [InlineData("PATH", true)]
    [InlineData("virtual", false)]
    [InlineData("auto", false)]
    public void Addressing_style(string style, bool pathStyle) =>
        Assert.Equal(pathStyle, From(("AWS_S3_ADDRESSING_STYLE", style)).UsesPathStyle);

    [Theory]
    [InlineData("public-read", true)]
    [InlineData("private", true)]
    [InlineData("", false)]
    [InlineData("none", false)]
    [InlineData("NONE", false)]
    public void Acl_can_be_turned_off(string acl, bool used) =>
        Assert.Equal(used, From(("AWS_DEFAULT_ACL", acl)).UsesAcl);

    [Theory]
    // default: https://<bucket>.<endpoint host>
    [InlineData("assets", "https://s3.timeweb.com", null, null, "https://assets.s3.timeweb.com")]
    [InlineData("assets", "https://s3.timeweb.com/", null, null, "https://assets.s3.timeweb.com")]
    [InlineData("media", "https://storage.example.net", null, null, "https://media.storage.example.net")]
    [InlineData("media", "https://storage.example.net", null, "http:", "http://media.storage.example.net")]
    // custom domain, with a port and a path as django-storages allows
    [InlineData("assets", "https://s3.timeweb.com", "cdn.example.com", null, "https://cdn.example.com")]
    [InlineData("assets", "https://s3.timeweb.com", "cdn.example.com/", null, "https://cdn.example.com")]
    [InlineData("assets", "http://127.0.0.1:9000", "127.0.0.1:9000/assets", "http:", "http://127.0.0.1:9000/assets")]
    [InlineData("assets", "http://127.0.0.1:9000", "localhost:9000/a/b", "http", "http://localhost:9000/a/b")]
    [InlineData("assets", "https://s3.timeweb.com", "cdn.example.com", "https:", "https://cdn.example.com")]
    public void Public_base_url(string bucket, string endpoint, string? customDomain, string? protocol, string expected)
    {
        var options = From(("AWS_STORAGE_BUCKET_NAME", bucket), ("AWS_S3_ENDPOINT_URL", endpoint),
            ("AWS_S3_CUSTOM_DOMAIN", customDomain), ("AWS_S3_URL_PROTOCOL", protocol));

        Assert.Equal(expected, options.PublicBaseUrl);
    }
}
