using System.Net;
using System.Net.Http.Json;
using AssetManager.IntegrationTests.Fixtures;
using Npgsql;

namespace AssetManager.IntegrationTests.Hosting;

/// <summary>The published service as its users start it: settings from the environment, any current directory.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "assetmanager-tests", Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("MAX_UPLOAD_SIZE", "abc", "MAX_UPLOAD_SIZE")]
    [InlineData("MAX_UPLOAD_SIZE", "-1", "MAX_UPLOAD_SIZE")]
    [InlineData("Auth__RememberTokensSeconds", "-3", "Auth:RememberTokensSeconds")]
    [InlineData("Database__Provider", "Oracle", "Database:Provider")]
    [InlineData("Auth__Throttle__FailuresPerUsername", "0", "Auth:Throttle:FailuresPerUsername")]
    [InlineData("Auth__Throttle__WindowSeconds", "-5", "Auth:Throttle:WindowSeconds")]
    [InlineData("ForwardedHeaders__KnownProxies__0", "not-an-address", "ForwardedHeaders:KnownProxies must be IP addresses")]
    public async Task A_bad_setting_stops_the_start_with_one_line_naming_it(string name, string value, string named)
    {
        var (exitCode, output) = await ServiceProcess.RunToExitAsync(
            new Dictionary<string, string?> { ["DataDirectory"] = _data, [name] = value }, TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains(named, output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task Started_from_another_folder_it_reads_its_own_settings_and_serves_the_web_app()
    {
        Directory.CreateDirectory(_data);
        await using var service = await ServiceProcess.StartAsync(
            new Dictionary<string, string?> { ["DataDirectory"] = _data }, workingDirectory: _data);
        using var http = service.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/app/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
        Assert.True(File.Exists(Path.Combine(_data, "assetmanager.db")));
    }

    [Fact]
    public async Task A_DATABASE_URL_without_a_database_stops_the_start_naming_it_but_not_its_password()
    {
        var (exitCode, output) = await ServiceProcess.RunToExitAsync(
            new Dictionary<string, string?> { ["DataDirectory"] = _data, ["DATABASE_URL"] = "postgres://app:s3cr%40t@db.example.com:5433" },
            TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains("DATABASE_URL cannot be used: it names no database", output);
        Assert.DoesNotContain("s3cr", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task DATABASE_URL_alone_puts_the_service_on_that_PostgreSQL_database()
    {
        var server = PostgresServer.Shared;
        var database = server.CreateDatabase(migrated: false);
        try
        {
            await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string?>
            {
                ["DataDirectory"] = _data,
                ["DATABASE_URL"] = $"postgres://{PostgresServer.User}:unused%20by%20trust@127.0.0.1:{server.Port}/{database}?sslmode=disable",
            });
            using var http = service.CreateClient();

            var register = await http.PostAsJsonAsync("/api/auth/register/", new { username = "on-postgres", password = "Str0ng!Passw0rd" });

            Assert.Equal(HttpStatusCode.Created, register.StatusCode);
            await using var connection = new NpgsqlConnection(server.ConnectionString(database) + ";Pooling=false");
            await connection.OpenAsync();
            await using var users = new NpgsqlCommand("""SELECT "UserName" FROM "AspNetUsers" """, connection);
            Assert.Equal("on-postgres", await users.ExecuteScalarAsync());
            Assert.False(File.Exists(Path.Combine(_data, "assetmanager.db")));
        }
        finally
        {
            server.DropDatabase(database);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_data, recursive: true); } catch (DirectoryNotFoundException) { }
    }
}
