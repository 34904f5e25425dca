using System.Net;
using AssetManager.Application.Accounts;
using AssetManager.IntegrationTests.Conventions;
using AssetManager.IntegrationTests.Fixtures;
using Microsoft.Data.Sqlite;

namespace AssetManager.IntegrationTests.Accounts;

/// <summary>
/// ADR 4: a token found valid is trusted for 30 s without the database, so a revocation made by another instance
/// (here: the row deleted behind the service's back) shows only after that; <c>Auth:RememberTokensSeconds=0</c>
/// turns it off. A logout through this service acts at once either way (SessionTests).
/// </summary>
public sealed class RememberedTokenTests
{
    [Fact]
    public async Task A_token_deleted_by_another_instance_keeps_working_here_for_the_remembered_lifetime()
    {
        using var factory = new ApiFactory();

        var status = await StatusAfterTheRowIsDeletedElsewhereAsync(factory);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task With_remembering_off_a_token_deleted_by_another_instance_stops_working_at_once()
    {
        using var factory = new ApiFactory(new Dictionary<string, string?> { ["Auth:RememberTokensSeconds"] = "0" });

        var status = await StatusAfterTheRowIsDeletedElsewhereAsync(factory);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    private static async Task<HttpStatusCode> StatusAfterTheRowIsDeletedElsewhereAsync(ApiFactory factory)
    {
        var user = await ApiClient.RegisterAsync(factory);
        await (await user.Http.GetAsync("/api/auth/me/")).AssertStatusAsync(HttpStatusCode.OK);

        using (var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM AuthTokens WHERE KeyHash = $hash";
            command.Parameters.AddWithValue("$hash", TokenKeys.Hash(user.Token));
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        return (await user.Http.GetAsync("/api/auth/me/")).StatusCode;
    }
}
