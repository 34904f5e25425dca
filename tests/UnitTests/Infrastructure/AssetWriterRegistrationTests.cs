using AssetManager.Application.Assets;
using AssetManager.Infrastructure;
using AssetManager.Infrastructure.Persistence;
using AssetManager.UnitTests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AssetManager.UnitTests.Infrastructure;

/// <summary>ADR 5: SQLite writes the upload's row with its own prepared statement, SQL Server and PostgreSQL through SaveChanges.</summary>
public sealed class AssetWriterRegistrationTests
{
    [Theory]
    [InlineData("Sqlite", typeof(SqliteAssetWriter))]
    [InlineData("SqlServer", typeof(EfAssetWriter))]
    [InlineData("PostgreSql", typeof(EfAssetWriter))]
    public void Each_provider_gets_its_writer(string provider, Type expected)
    {
        using var services = Settings.Provider(
            ("Database:Provider", provider),
            ("ConnectionStrings:Default", provider switch
            {
                "Sqlite" => "Data Source=unit-test-never-opened.db",
                "PostgreSql" => "Host=unit-test-no-such-server;Database=assetmanager",
                _ => "Server=unit-test-no-such-server;Database=AssetManager;User Id=sa;Password=x;TrustServerCertificate=True",
            }));
        using var scope = services.CreateScope();

        Assert.IsType(expected, scope.ServiceProvider.GetRequiredService<IAssetWriter>());
    }
}
