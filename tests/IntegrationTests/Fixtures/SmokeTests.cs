using System.Net;

namespace AssetManager.IntegrationTests.Fixtures;

public sealed class SmokeTests
{
    [Fact]
    public async Task Service_starts_on_real_kestrel_with_its_own_database_file()
    {
        using var factory = new ApiFactory();
        var client = await ApiClient.RegisterAsync(factory);
        var response = await client.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(File.Exists(factory.DatabasePath));
    }

    [Fact]
    public async Task Moto_server_starts_and_the_service_uses_its_bucket()
    {
        await using var moto = new MotoServer();
        await moto.StartAsync();
        using var s3 = moto.CreateClient();
        await s3.PutBucketAsync("smoke");
        using var factory = new ApiFactory(moto.SettingsFor("smoke"));
        var client = await ApiClient.RegisterAsync(factory);
        var health = await client.Http.GetStringAsync("/health");
        Assert.Contains("\"s3\"", health);
    }

    [Fact]
    public async Task A_missing_bucket_is_created_at_start_up()
    {
        await using var moto = new MotoServer();
        await moto.StartAsync();
        using var s3 = moto.CreateClient();
        using var factory = new ApiFactory(moto.SettingsFor("made-by-the-service"));

        var buckets = await s3.ListBucketsAsync();

        Assert.Contains(buckets.Buckets!, b => b.BucketName == "made-by-the-service");
    }
}
