using System.Net;
using System.Net.Http.Headers;
using AssetManager.IntegrationTests.Conventions;
using AssetManager.IntegrationTests.Fixtures;

namespace AssetManager.IntegrationTests.Accounts;

/// <summary>Contract section 2: GET /api/auth/me/, POST /api/auth/logout/ and logout-all/, the Token/Bearer header and its 401s.</summary>
public abstract class SessionTests(SharedApi api)
{
    private readonly ApiFactory factory = api.Factory;

    private const string Password = "Str0ng!Passw0rd";

    [Fact]
    public async Task Me_returns_id_username_email_in_that_order()
    {
        var name = "me" + Guid.NewGuid().ToString("N")[..12];
        var registered = await (await Api.Anonymous(factory).PostJsonAsync("/api/auth/register/",
            $$"""{"username": "{{name}}", "password": "{{Password}}", "email": "{{name}}@example.org"}""")).BodyAsync(HttpStatusCode.Created);

        var me = await Api.Anonymous(factory, "Token " + registered.GetProperty("token").GetString()).GetAsync("/api/auth/me/");

        await me.AssertJsonAsync(HttpStatusCode.OK, $$"""{"id": {{registered.Id()}}, "username": "{{name}}", "email": "{{name}}@example.org"}""");
    }

    [Fact]
    public async Task Bearer_is_a_synonym_for_Token()
    {
        var user = await api.UserAsync();

        var me = await Api.Anonymous(factory, "Bearer " + user.Token).GetAsync("/api/auth/me/");

        var body = await me.BodyAsync(HttpStatusCode.OK);
        Assert.Equal(user.UserId, body.Id());
        var projects = await Api.Anonymous(factory, "Bearer " + user.Token).PostJsonAsync("/api/projects/", """{"name": "Via bearer"}""");
        await projects.AssertStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task No_header_is_401_not_provided_with_www_authenticate_token()
    {
        var response = await Api.Anonymous(factory).GetAsync("/api/auth/me/");

        await response.AssertJsonAsync(HttpStatusCode.Unauthorized, Api.NotAuthenticated);
        Assert.Equal("Token", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("Token 0123456789abcdef0123456789abcdef01234567")]
    [InlineData("Bearer 0123456789abcdef0123456789abcdef01234567")]
    [InlineData("Token not-a-token")]
    public async Task Bad_token_is_401_invalid_token_with_www_authenticate_token(string header)
    {
        var response = await Api.Anonymous(factory, header).GetAsync("/api/auth/me/");

        await response.AssertJsonAsync(HttpStatusCode.Unauthorized, Api.InvalidToken);
        Assert.Equal("Token", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Logout_is_204_and_then_the_same_token_is_invalid()
    {
        var user = await ApiClient.RegisterAsync(factory);

        var logout = await user.Http.PostAsync("/api/auth/logout/", null);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Empty(await logout.Content.ReadAsByteArrayAsync());
        var after = await user.Http.GetAsync("/api/auth/me/");
        await after.AssertJsonAsync(HttpStatusCode.Unauthorized, Api.InvalidToken);
        Assert.Equal("Token", after.Headers.WwwAuthenticate.ToString());
        var again = await user.Http.PostAsync("/api/auth/logout/", null);
        await again.AssertJsonAsync(HttpStatusCode.Unauthorized, Api.InvalidToken);
        var projects = await user.Http.GetAsync("/api/projects/");
        await projects.AssertJsonAsync(HttpStatusCode.Unauthorized, Api.InvalidToken);
    }

    [Fact]
    public async Task Logout_revokes_only_the_presented_token()
    {
        var user = await ApiClient.RegisterAsync(factory);
        var other = (await (await Api.Anonymous(factory).PostJsonAsync("/api/auth/token/", $$"""{"username": "{{user.Username}}", "password": "{{Password}}"}"""))
            .BodyAsync(HttpStatusCode.OK)).GetProperty("token").GetString()!;

        await (await user.Http.PostAsync("/api/auth/logout/", null)).AssertStatusAsync(HttpStatusCode.NoContent);

        var me = await Api.Anonymous(factory, "Token " + other).GetAsync("/api/auth/me/");
        Assert.Equal(user.UserId, (await me.BodyAsync(HttpStatusCode.OK)).Id());
    }

    [Fact]
    public async Task Logout_with_bearer_revokes_the_token()
    {
        var user = await ApiClient.RegisterAsync(factory);
        var bearer = Api.Anonymous(factory);
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);

        await (await bearer.PostAsync("/api/auth/logout/", null)).AssertStatusAsync(HttpStatusCode.NoContent);

        await (await user.Http.GetAsync("/api/auth/me/")).AssertJsonAsync(HttpStatusCode.Unauthorized, Api.InvalidToken);
    }

    [Fact]
    public async Task Logout_without_a_token_is_401()
    {
        var response = await Api.Anonymous(factory).PostAsync("/api/auth/logout/", null);

        await response.AssertJsonAsync(HttpStatusCode.Unauthorized, Api.NotAuthenticated);
        Assert.Equal("Token", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Logout_all_is_204_and_every_token_of_the_user_stops_working_but_no_one_elses()
    {
        var user = await ApiClient.RegisterAsync(factory);
        var other = await ApiClient.RegisterAsync(factory);
        var second = (await (await Api.Anonymous(factory).PostJsonAsync("/api/auth/token/", $$"""{"username": "{{user.Username}}", "password": "{{Password}}"}"""))
            .BodyAsync(HttpStatusCode.OK)).GetProperty("token").GetString()!;
        var secondClient = Api.Anonymous(factory, "Token " + second);
        // both used, so both are remembered as valid (ADR 4) when the logout comes
        await (await user.Http.GetAsync("/api/auth/me/")).AssertStatusAsync(HttpStatusCode.OK);
        await (await secondClient.GetAsync("/api/auth/me/")).AssertStatusAsync(HttpStatusCode.OK);

        var logout = await secondClient.PostAsync("/api/auth/logout-all/", null);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Empty(await logout.Content.ReadAsByteArrayAsync());
        await (await user.Http.GetAsync("/api/auth/me/")).AssertJsonAsync(HttpStatusCode.Unauthorized, Api.InvalidToken);
        await (await secondClient.GetAsync("/api/projects/")).AssertJsonAsync(HttpStatusCode.Unauthorized, Api.InvalidToken);
        Assert.Equal(other.UserId, (await (await other.Http.GetAsync("/api/auth/me/")).BodyAsync(HttpStatusCode.OK)).Id());
        var login = await Api.Anonymous(factory).PostJsonAsync("/api/auth/token/", $$"""{"username": "{{user.Username}}", "password": "{{Password}}"}""");
        var fresh = (await login.BodyAsync(HttpStatusCode.OK)).GetProperty("token").GetString()!;
        await (await Api.Anonymous(factory, "Token " + fresh).GetAsync("/api/auth/me/")).AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Logout_all_without_a_token_is_401()
    {
        var response = await Api.Anonymous(factory).PostAsync("/api/auth/logout-all/", null);

        await response.AssertJsonAsync(HttpStatusCode.Unauthorized, Api.NotAuthenticated);
    }

    [Fact]
    public async Task After_logout_a_new_login_works_again()
    {
        var user = await ApiClient.RegisterAsync(factory);
        await (await user.Http.PostAsync("/api/auth/logout/", null)).AssertStatusAsync(HttpStatusCode.NoContent);

        var login = await Api.Anonymous(factory).PostJsonAsync("/api/auth/token/", $$"""{"username": "{{user.Username}}", "password": "{{Password}}"}""");

        var token = (await login.BodyAsync(HttpStatusCode.OK)).GetProperty("token").GetString()!;
        Assert.NotEqual(user.Token, token);
        await (await Api.Anonymous(factory, "Token " + token).GetAsync("/api/auth/me/")).AssertStatusAsync(HttpStatusCode.OK);
    }
}

public sealed class SessionTestsOnSqlite(SharedApi api) : SessionTests(api), IClassFixture<SharedApi>;

public sealed class SessionTestsOnPostgreSql(SharedApiOnPostgreSql api) : SessionTests(api), IClassFixture<SharedApiOnPostgreSql>;
