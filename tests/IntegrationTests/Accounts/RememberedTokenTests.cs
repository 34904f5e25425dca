using System.Net;
using AssetManager.Application.Accounts;
using AssetManager.Infrastructure.Persistence;
using AssetManager.IntegrationTests.Conventions;
using AssetManager.IntegrationTests.Fixtures;

namespace AssetManager.IntegrationTests.Accounts;

/// <summary>
/// ADR 4: a token found valid may be trusted for a while without the database, so a revocation made by another
/// instance (here: the row deleted behind the service's back) shows only after that; <c>Auth:RememberTokensSeconds=0</c>
/// turns it off, and it is off unless set on a server database, where several instances share the data (ADR 8). A
/// logout through this service acts at once either way (SessionTests).
/// </summary>
public abstract class RememberedTokenTests(DatabaseProvider database)
{
    [Fact]
    public async Task A_token_deleted_by_another_instance_keeps_working_here_for_the_remembered_lifetime()
    {
        using var factory = new ApiFactory(new Dictionary<string, string?> { ["Auth:RememberTokensSeconds"] = "30" }, database);

        var status = await StatusAfterTheRowIsDeletedElsewhereAsync(factory);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Unless_set_tokens_are_remembered_on_sqlite_alone()
    {
        using var factory = new ApiFactory(database: database);

        var status = await StatusAfterTheRowIsDeletedElsewhereAsync(factory);

        Assert.Equal(database == DatabaseProvider.Sqlite ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task With_remembering_off_a_token_deleted_by_another_instance_stops_working_at_once()
    {
        using var factory = new ApiFactory(new Dictionary<string, string?> { ["Auth:RememberTokensSeconds"] = "0" }, database);

        var status = await StatusAfterTheRowIsDeletedElsewhereAsync(factory);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    private static async Task<HttpStatusCode> StatusAfterTheRowIsDeletedElsewhereAsync(ApiFactory factory)
    {
        var user = await ApiClient.RegisterAsync(factory);
        await (await user.Http.GetAsync("/api/auth/me/")).AssertStatusAsync(HttpStatusCode.OK);

        Assert.Equal(1, Db.Scalar(factory, """SELECT COUNT(*) FROM "AuthTokens" WHERE "KeyHash" = @hash""", ("@hash", TokenKeys.Hash(user.Token))));
        Db.Execute(factory, """DELETE FROM "AuthTokens" WHERE "KeyHash" = @hash""", ("@hash", TokenKeys.Hash(user.Token)));

        return (await user.Http.GetAsync("/api/auth/me/")).StatusCode;
    }
}

public sealed class RememberedTokenTestsOnSqlite() : RememberedTokenTests(DatabaseProvider.Sqlite);

public sealed class RememberedTokenTestsOnPostgreSql() : RememberedTokenTests(DatabaseProvider.PostgreSql);
