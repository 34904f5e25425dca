using System.Net;
using System.Text;
using AssetManager.IntegrationTests.Conventions;
using AssetManager.IntegrationTests.Fixtures;

namespace AssetManager.IntegrationTests.Accounts;

/// <summary>Contract section 2: POST /api/auth/token/ and how tokens are kept.</summary>
public abstract class TokenTests(SharedApi api)
{
    private readonly ApiFactory factory = api.Factory;

    private const string Password = "Str0ng!Passw0rd";
    private const string BadLogin = """{"non_field_errors": ["Unable to log in with provided credentials."]}""";

    private async Task<string> RegisterAsync()
    {
        var name = "tok" + Guid.NewGuid().ToString("N")[..12];
        await (await Api.Anonymous(factory).PostJsonAsync("/api/auth/register/", $$"""{"username": "{{name}}", "password": "{{Password}}"}"""))
            .AssertStatusAsync(HttpStatusCode.Created);
        return name;
    }

    private async Task AssertTokenWorksAsync(string token, string username)
    {
        var me = await (await Api.Anonymous(factory, "Token " + token).GetAsync("/api/auth/me/")).BodyAsync(HttpStatusCode.OK);
        Assert.Equal(username, me.GetProperty("username").GetString());
    }

    [Fact]
    public async Task Json_login_returns_200_with_only_a_token()
    {
        var name = await RegisterAsync();

        var response = await Api.Anonymous(factory).PostJsonAsync("/api/auth/token/", $$"""{"username": "{{name}}", "password": "{{Password}}"}""");

        var body = await response.BodyAsync(HttpStatusCode.OK);
        Api.AssertKeys(body, "token");
        var token = body.GetProperty("token").GetString()!;
        Assert.Matches("^[0-9a-f]{40}$", token);
        await AssertTokenWorksAsync(token, name);
    }

    [Fact]
    public async Task Form_login_returns_200_with_a_token()
    {
        var name = await RegisterAsync();

        var response = await Api.Anonymous(factory).PostAsync("/api/auth/token/",
            new FormUrlEncodedContent([new("username", name), new("password", Password)]));

        var body = await response.BodyAsync(HttpStatusCode.OK);
        Api.AssertKeys(body, "token");
        await AssertTokenWorksAsync(body.GetProperty("token").GetString()!, name);
    }

    [Fact]
    public async Task Multipart_form_login_returns_200_with_a_token()
    {
        var name = await RegisterAsync();
        var form = new MultipartFormDataContent { { new StringContent(name), "username" }, { new StringContent(Password), "password" } };

        var response = await Api.Anonymous(factory).PostAsync("/api/auth/token/", form);

        var body = await response.BodyAsync(HttpStatusCode.OK);
        await AssertTokenWorksAsync(body.GetProperty("token").GetString()!, name);
    }

    [Fact]
    public async Task Wrong_password_is_400_non_field_errors()
    {
        var name = await RegisterAsync();

        var response = await Api.Anonymous(factory).PostJsonAsync("/api/auth/token/", $$"""{"username": "{{name}}", "password": "Wrong!Passw0rd"}""");

        await response.AssertJsonAsync(HttpStatusCode.BadRequest, BadLogin);
    }

    [Fact]
    public async Task Unknown_user_is_400_non_field_errors()
    {
        var response = await Api.Anonymous(factory).PostJsonAsync("/api/auth/token/", $$"""{"username": "nobody{{Guid.NewGuid():N}}", "password": "{{Password}}"}""");

        await response.AssertJsonAsync(HttpStatusCode.BadRequest, BadLogin);
    }

    [Fact]
    public async Task Bad_form_login_is_400_non_field_errors()
    {
        var response = await Api.Anonymous(factory).PostAsync("/api/auth/token/",
            new FormUrlEncodedContent([new("username", "nobody"), new("password", "nothing")]));

        await response.AssertJsonAsync(HttpStatusCode.BadRequest, BadLogin);
    }

    [Fact]
    public async Task Missing_fields_are_required()
    {
        var response = await Api.Anonymous(factory).PostJsonAsync("/api/auth/token/", "{}");

        await response.AssertJsonAsync(HttpStatusCode.BadRequest,
            """{"username": ["This field is required."], "password": ["This field is required."]}""");
    }

    [Fact]
    public async Task Blank_fields_may_not_be_blank()
    {
        var response = await Api.Anonymous(factory).PostJsonAsync("/api/auth/token/", """{"username": "", "password": ""}""");

        await response.AssertJsonAsync(HttpStatusCode.BadRequest,
            """{"username": ["This field may not be blank."], "password": ["This field may not be blank."]}""");
    }

    [Fact]
    public async Task Every_login_issues_a_new_random_token_and_earlier_ones_keep_working()
    {
        var name = await RegisterAsync();
        var http = Api.Anonymous(factory);
        var first = (await (await http.PostJsonAsync("/api/auth/token/", $$"""{"username": "{{name}}", "password": "{{Password}}"}""")).BodyAsync(HttpStatusCode.OK)).GetProperty("token").GetString()!;
        var second = (await (await http.PostJsonAsync("/api/auth/token/", $$"""{"username": "{{name}}", "password": "{{Password}}"}""")).BodyAsync(HttpStatusCode.OK)).GetProperty("token").GetString()!;

        Assert.NotEqual(first, second);
        await AssertTokenWorksAsync(first, name);
        await AssertTokenWorksAsync(second, name);
    }

    [Fact]
    public async Task Tokens_are_stored_only_as_a_hash()
    {
        var user = await ApiClient.RegisterAsync(factory);
        var login = await (await Api.Anonymous(factory).PostJsonAsync("/api/auth/token/", $$"""{"username": "{{user.Username}}", "password": "{{Password}}"}"""))
            .BodyAsync(HttpStatusCode.OK);
        string[] keys = [user.Token, login.GetProperty("token").GetString()!];

        var rows = Db.Rows(factory, """SELECT * FROM "AuthTokens" """)
            .SelectMany(row => row.Values)
            .Select(value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "")
            .ToList();

        Assert.NotEmpty(rows);
        foreach (var key in keys)
        {
            Assert.DoesNotContain(rows, value => value.Contains(key, StringComparison.OrdinalIgnoreCase));
            // Not anywhere in the SQLite files either (main file and write-ahead log).
            foreach (var file in Directory.GetFiles(factory.DataDirectory, "assetmanager.db*"))
            {
                var bytes = Encoding.Latin1.GetString(await ReadSharedAsync(file));
                Assert.DoesNotContain(key, bytes, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task Token_is_40_hex_chars_that_is_160_random_bits()
    {
        var user = await ApiClient.RegisterAsync(factory);

        Assert.Matches("^[0-9a-f]{40}$", user.Token);
        Assert.True(Convert.FromHexString(user.Token).Length * 8 >= 160);
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}

public sealed class TokenTestsOnSqlite(SharedApi api) : TokenTests(api), IClassFixture<SharedApi>;

public sealed class TokenTestsOnPostgreSql(SharedApiOnPostgreSql api) : TokenTests(api), IClassFixture<SharedApiOnPostgreSql>;
