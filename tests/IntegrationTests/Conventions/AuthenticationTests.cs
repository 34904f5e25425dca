using System.Net;
using AssetManager.IntegrationTests.Fixtures;

namespace AssetManager.IntegrationTests.Conventions;

/// <summary>Contract section 1: every protected route answers 401 with DRF's bodies and <c>WWW-Authenticate: Token</c>.</summary>
public sealed class AuthenticationTests(SharedApi api) : IClassFixture<SharedApi>
{
    private readonly ApiFactory factory = api.Factory;

    public static TheoryData<string, string> ProtectedRoutes => new()
    {
        { "POST", "/api/auth/logout/" },
        { "GET", "/api/auth/me/" },
        { "GET", "/api/projects/" },
        { "POST", "/api/projects/" },
        { "GET", "/api/projects/1/" },
        { "PUT", "/api/projects/1/" },
        { "PATCH", "/api/projects/1/" },
        { "DELETE", "/api/projects/1/" },
        { "GET", "/api/boxes/" },
        { "POST", "/api/boxes/" },
        { "GET", "/api/boxes/1/" },
        { "PUT", "/api/boxes/1/" },
        { "PATCH", "/api/boxes/1/" },
        { "DELETE", "/api/boxes/1/" },
        { "GET", "/api/boxes/1/assets/" },
        { "POST", "/api/boxes/1/upload/" },
        { "GET", "/api/ai-models/" },
        { "GET", "/api/ai-models/1/" },
        { "GET", "/api/assets/" },
        { "GET", "/api/assets/1/" },
        { "PATCH", "/api/assets/1/" },
        { "DELETE", "/api/assets/1/" },
        { "GET", "/api/projects" },
        { "POST", "/api/boxes" },
        { "GET", "/api/auth/me" },
    };

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method is "GET" or "DELETE" ? null : Api.Json("""{"name": "x"}"""),
    };

    [Theory]
    [MemberData(nameof(ProtectedRoutes))]
    public async Task Without_a_header_it_is_401_not_provided(string method, string path)
    {
        var response = await Api.Anonymous(factory).SendAsync(Request(method, path));

        await response.AssertJsonAsync(HttpStatusCode.Unauthorized, Api.NotAuthenticated);
        Assert.Equal("Token", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [MemberData(nameof(ProtectedRoutes))]
    public async Task With_a_bad_token_it_is_401_invalid_token(string method, string path)
    {
        var response = await Api.Anonymous(factory, "Token ffffffffffffffffffffffffffffffffffffffff").SendAsync(Request(method, path));

        await response.AssertJsonAsync(HttpStatusCode.Unauthorized, Api.InvalidToken);
        Assert.Equal("Token", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [MemberData(nameof(ProtectedRoutes))]
    public async Task With_a_bad_bearer_token_it_is_401_invalid_token(string method, string path)
    {
        var response = await Api.Anonymous(factory, "Bearer ffffffffffffffffffffffffffffffffffffffff").SendAsync(Request(method, path));

        await response.AssertJsonAsync(HttpStatusCode.Unauthorized, Api.InvalidToken);
        Assert.Equal("Token", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_revoked_token_is_invalid_everywhere()
    {
        var user = await ApiClient.RegisterAsync(factory);
        var project = await user.CreateProjectAsync();
        await (await user.Http.PostAsync("/api/auth/logout/", null)).AssertStatusAsync(HttpStatusCode.NoContent);

        await (await user.Http.GetAsync($"/api/projects/{project}/")).AssertJsonAsync(HttpStatusCode.Unauthorized, Api.InvalidToken);
        await (await user.Http.DeleteAsync($"/api/projects/{project}/")).AssertJsonAsync(HttpStatusCode.Unauthorized, Api.InvalidToken);
    }

    [Fact]
    public async Task Public_routes_need_no_token()
    {
        var anonymous = Api.Anonymous(factory);

        await (await anonymous.PostJsonAsync("/api/auth/register/", "{}")).AssertStatusAsync(HttpStatusCode.BadRequest);
        await (await anonymous.PostJsonAsync("/api/auth/token/", "{}")).AssertStatusAsync(HttpStatusCode.BadRequest);
        await (await anonymous.GetAsync("/health")).AssertStatusAsync(HttpStatusCode.OK);
    }
}
