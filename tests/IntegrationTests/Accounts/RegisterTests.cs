using System.Net;
using AssetManager.IntegrationTests.Conventions;
using AssetManager.IntegrationTests.Fixtures;

namespace AssetManager.IntegrationTests.Accounts;

/// <summary>Contract section 2: POST /api/auth/register/.</summary>
public abstract class RegisterTests(SharedApi api)
{
    private readonly ApiFactory factory = api.Factory;

    private const string Password = "Str0ng!Passw0rd";

    private static string NewName() => "reg" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task Register_returns_201_with_id_username_email_token_in_that_order()
    {
        var name = NewName();
        var response = await Api.Anonymous(factory).PostJsonAsync("/api/auth/register/",
            $$"""{"username": "{{name}}", "password": "{{Password}}", "email": "{{name}}@example.com"}""");

        var body = await response.BodyAsync(HttpStatusCode.Created);
        Api.AssertKeys(body, "id", "username", "email", "token");
        Assert.True(body.Id() > 0);
        Assert.Equal(name, body.GetProperty("username").GetString());
        Assert.Equal($"{name}@example.com", body.GetProperty("email").GetString());
        Assert.Matches("^[0-9a-f]{40}$", body.GetProperty("token").GetString());
    }

    [Fact]
    public async Task Email_is_optional_and_then_empty()
    {
        var name = NewName();
        var response = await Api.Anonymous(factory).PostJsonAsync("/api/auth/register/", $$"""{"username": "{{name}}", "password": "{{Password}}"}""");

        var body = await response.BodyAsync(HttpStatusCode.Created);
        Api.AssertKeys(body, "id", "username", "email", "token");
        Assert.Equal("", body.GetProperty("email").GetString());
    }

    [Fact]
    public async Task The_token_from_register_authenticates_as_the_new_user()
    {
        var name = NewName();
        var registered = await (await Api.Anonymous(factory).PostJsonAsync("/api/auth/register/",
            $$"""{"username": "{{name}}", "password": "{{Password}}"}""")).BodyAsync(HttpStatusCode.Created);

        var me = await Api.Anonymous(factory, "Token " + registered.GetProperty("token").GetString()).GetAsync("/api/auth/me/");

        await me.AssertJsonAsync(HttpStatusCode.OK, $$"""{"id": {{registered.Id()}}, "username": "{{name}}", "email": ""}""");
    }

    [Fact]
    public async Task Taken_username_is_400_with_the_drf_message()
    {
        var name = NewName();
        var http = Api.Anonymous(factory);
        await (await http.PostJsonAsync("/api/auth/register/", $$"""{"username": "{{name}}", "password": "{{Password}}"}""")).AssertStatusAsync(HttpStatusCode.Created);

        var again = await http.PostJsonAsync("/api/auth/register/", $$"""{"username": "{{name}}", "password": "Other!Passw0rd9"}""");

        await again.AssertJsonAsync(HttpStatusCode.BadRequest, """{"username": ["A user with that username already exists."]}""");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("password")]
    [InlineData("12345678")]
    public async Task Weak_password_is_400_under_password(string password)
    {
        var response = await Api.Anonymous(factory).PostJsonAsync("/api/auth/register/", $$"""{"username": "{{NewName()}}", "password": "{{password}}"}""");

        var body = await response.BodyAsync(HttpStatusCode.BadRequest);
        Api.AssertKeys(body, "password");
        var messages = body.GetProperty("password").EnumerateArray().ToList();
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m.GetString())));
    }

    [Fact]
    public async Task The_originals_password_without_digits_is_accepted()
    {
        var response = await Api.Anonymous(factory).PostJsonAsync("/api/auth/register/",
            $$"""{"username": "{{NewName()}}", "password": "Acc-Ufz_kxJqrTzqWcaYQ"}""");

        await response.AssertStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Djangos_four_validators_answer_with_djangos_messages_in_djangos_order()
    {
        var response = await Api.Anonymous(factory).PostJsonAsync("/api/auth/register/", """{"username": "1234", "password": "1234"}""");

        await response.AssertJsonAsync(HttpStatusCode.BadRequest, """
            {"password": ["The password is too similar to the username.",
                          "This password is too short. It must contain at least 8 characters.",
                          "This password is too common.",
                          "This password is entirely numeric."]}
            """);
    }

    [Fact]
    public async Task A_password_like_the_email_address_is_refused()
    {
        var name = NewName();
        var response = await Api.Anonymous(factory).PostJsonAsync("/api/auth/register/",
            $$"""{"username": "{{name}}", "password": "example.com", "email": "{{name}}@example.com"}""");

        await response.AssertJsonAsync(HttpStatusCode.BadRequest, """{"password": ["The password is too similar to the email address."]}""");
    }

    [Fact]
    public async Task A_weak_password_creates_no_user()
    {
        var name = NewName();
        var http = Api.Anonymous(factory);
        await (await http.PostJsonAsync("/api/auth/register/", $$"""{"username": "{{name}}", "password": "abc"}""")).AssertStatusAsync(HttpStatusCode.BadRequest);

        var retry = await http.PostJsonAsync("/api/auth/register/", $$"""{"username": "{{name}}", "password": "{{Password}}"}""");

        await retry.AssertStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Missing_fields_are_each_required()
    {
        var response = await Api.Anonymous(factory).PostJsonAsync("/api/auth/register/", "{}");

        await response.AssertJsonAsync(HttpStatusCode.BadRequest,
            """{"username": ["This field is required."], "password": ["This field is required."]}""");
    }

    [Fact]
    public async Task No_body_at_all_is_the_same_as_an_empty_object()
    {
        var response = await Api.Anonymous(factory).PostAsync("/api/auth/register/", null);

        await response.AssertJsonAsync(HttpStatusCode.BadRequest,
            """{"username": ["This field is required."], "password": ["This field is required."]}""");
    }

    [Fact]
    public async Task Missing_password_alone_is_reported_alone()
    {
        var response = await Api.Anonymous(factory).PostJsonAsync("/api/auth/register/", $$"""{"username": "{{NewName()}}"}""");

        await response.AssertJsonAsync(HttpStatusCode.BadRequest, """{"password": ["This field is required."]}""");
    }

    [Fact]
    public async Task Blank_fields_may_not_be_blank()
    {
        var response = await Api.Anonymous(factory).PostJsonAsync("/api/auth/register/", """{"username": "", "password": ""}""");

        await response.AssertJsonAsync(HttpStatusCode.BadRequest,
            """{"username": ["This field may not be blank."], "password": ["This field may not be blank."]}""");
    }

    [Fact]
    public async Task Invalid_email_is_400_under_email()
    {
        var response = await Api.Anonymous(factory).PostJsonAsync("/api/auth/register/",
            $$"""{"username": "{{NewName()}}", "password": "{{Password}}", "email": "not-an-email"}""");

        await response.AssertJsonAsync(HttpStatusCode.BadRequest, """{"email": ["Enter a valid email address."]}""");
    }

    [Fact]
    public async Task Each_registration_gets_a_different_random_token()
    {
        var http = Api.Anonymous(factory);
        var tokens = new HashSet<string>();
        for (var i = 0; i < 3; i++)
        {
            var body = await (await http.PostJsonAsync("/api/auth/register/", $$"""{"username": "{{NewName()}}", "password": "{{Password}}"}"""))
                .BodyAsync(HttpStatusCode.Created);
            tokens.Add(body.GetProperty("token").GetString()!);
        }
        Assert.Equal(3, tokens.Count);
    }
}

public sealed class RegisterTestsOnSqlite(SharedApi api) : RegisterTests(api), IClassFixture<SharedApi>;

public sealed class RegisterTestsOnPostgreSql(SharedApiOnPostgreSql api) : RegisterTests(api), IClassFixture<SharedApiOnPostgreSql>;
