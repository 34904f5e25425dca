using System.Net;
using System.Text.RegularExpressions;
using AssetManager.IntegrationTests.Conventions;
using AssetManager.IntegrationTests.Fixtures;
using Microsoft.Data.Sqlite;

namespace AssetManager.IntegrationTests.Accounts;

/// <summary>
/// Contract section 2: failed logins are throttled per username and per client address (429 with Retry-After), only
/// failures count, and nothing else is throttled by them. Each test has its own service: the counts are per process.
/// </summary>
public sealed partial class ThrottleTests
{
    private const string Password = "Str0ng!Passw0rd";
    private const string BadLogin = """{"non_field_errors": ["Unable to log in with provided credentials."]}""";

    private static ApiFactory Service(int perUsername = 10, int perAddress = 100, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth:Throttle:FailuresPerUsername"] = perUsername.ToString(),
            ["Auth:Throttle:FailuresPerAddress"] = perAddress.ToString(),
        };
        foreach (var (key, value) in more ?? []) settings[key] = value;
        return new ApiFactory(settings);
    }

    private static Task<HttpResponseMessage> LoginAsync(ApiFactory factory, string username, string password, string? forwardedFor = null)
    {
        var http = Api.Anonymous(factory);
        if (forwardedFor is not null) http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return http.PostJsonAsync("/api/auth/token/", $$"""{"username": "{{username}}", "password": "{{password}}"}""");
    }

    /// <summary>Asserts DRF's 429 with a Retry-After that matches its body, and returns the wait.</summary>
    private static async Task<int> AssertThrottledAsync(HttpResponseMessage response)
    {
        var body = await response.BodyAsync(HttpStatusCode.TooManyRequests);
        Api.AssertKeys(body, "detail");
        var match = ThrottledDetail().Match(body.GetProperty("detail").GetString()!);
        Assert.True(match.Success, body.GetProperty("detail").GetString());
        var wait = int.Parse(match.Groups[1].Value);
        Assert.Equal(wait.ToString(), response.Headers.RetryAfter?.ToString());
        return wait;
    }

    [Fact]
    public async Task Ten_failed_logins_for_a_username_make_its_logins_429_even_with_the_right_password_and_no_one_elses()
    {
        using var factory = new ApiFactory(); // the contract's defaults
        var alice = await ApiClient.RegisterAsync(factory);
        var bob = await ApiClient.RegisterAsync(factory);

        for (var i = 0; i < 10; i++)
            await (await LoginAsync(factory, alice.Username, "wrong-guess-" + i)).AssertJsonAsync(HttpStatusCode.BadRequest, BadLogin);

        Assert.InRange(await AssertThrottledAsync(await LoginAsync(factory, alice.Username, Password)), 890, 900);
        await AssertThrottledAsync(await LoginAsync(factory, alice.Username.ToUpperInvariant(), Password)); // Identity's case-insensitive names
        await (await LoginAsync(factory, bob.Username, Password)).AssertStatusAsync(HttpStatusCode.OK);
        await (await alice.Http.GetAsync("/api/projects/")).AssertStatusAsync(HttpStatusCode.OK); // her tokens still work
        await ApiClient.RegisterAsync(factory); // registrations are never throttled
    }

    [Fact]
    public async Task Failures_from_one_address_make_its_logins_429_for_every_username_but_registrations_and_other_requests_go_on()
    {
        using var factory = Service(perAddress: 5);
        var alice = await ApiClient.RegisterAsync(factory);
        for (var i = 0; i < 5; i++)
            await (await LoginAsync(factory, "nobody" + i, "wrong-guess")).AssertJsonAsync(HttpStatusCode.BadRequest, BadLogin);

        var wait = await AssertThrottledAsync(await LoginAsync(factory, alice.Username, Password));

        Assert.InRange(wait, 890, 900);
        await (await alice.Http.GetAsync("/api/projects/")).AssertStatusAsync(HttpStatusCode.OK);
        await (await alice.Http.GetAsync("/api/auth/me/")).AssertStatusAsync(HttpStatusCode.OK);
        await ApiClient.RegisterAsync(factory);
    }

    [Fact]
    public async Task Successful_logins_never_count()
    {
        using var factory = Service(perUsername: 3, perAddress: 3);
        var alice = await ApiClient.RegisterAsync(factory);

        for (var i = 0; i < 8; i++) await (await LoginAsync(factory, alice.Username, Password)).AssertStatusAsync(HttpStatusCode.OK);
        for (var i = 0; i < 2; i++) await (await LoginAsync(factory, alice.Username, "wrong-guess")).AssertStatusAsync(HttpStatusCode.BadRequest);

        await (await LoginAsync(factory, alice.Username, Password)).AssertStatusAsync(HttpStatusCode.OK);
        await (await LoginAsync(factory, alice.Username, "wrong-guess")).AssertStatusAsync(HttpStatusCode.BadRequest);
        await AssertThrottledAsync(await LoginAsync(factory, alice.Username, Password));
    }

    [Fact]
    public async Task An_unknown_username_is_throttled_as_a_known_one_is()
    {
        using var factory = Service(perUsername: 3);

        for (var i = 0; i < 3; i++) await (await LoginAsync(factory, "ghost", "guess" + i)).AssertJsonAsync(HttpStatusCode.BadRequest, BadLogin);

        await AssertThrottledAsync(await LoginAsync(factory, "ghost", "guess"));
    }

    [Fact]
    public async Task Guesses_sent_in_parallel_cannot_get_past_the_limit()
    {
        using var factory = Service(perUsername: 3);
        var alice = await ApiClient.RegisterAsync(factory);

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => LoginAsync(factory, alice.Username, "guess" + i)));

        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.BadRequest));
        Assert.Equal(9, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Every_failure_reaches_the_accounts_count_in_the_database_even_in_parallel()
    {
        using var factory = Service(perUsername: 10);
        var alice = await ApiClient.RegisterAsync(factory);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => LoginAsync(factory, alice.Username, "guess" + i)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.BadRequest, a.StatusCode));
        using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT AccessFailedCount FROM AspNetUsers WHERE Id = $id";
        command.Parameters.AddWithValue("$id", alice.UserId);
        Assert.Equal(6L, command.ExecuteScalar());
    }

    [Fact]
    public async Task The_accounts_lockout_holds_across_instances_sharing_the_database()
    {
        using var first = Service(perUsername: 3);
        using var second = Service(perUsername: 3, more: new() { ["DataDirectory"] = first.DataDirectory });
        var alice = await ApiClient.RegisterAsync(first);

        // two failures here and one there: neither process has counted three, the account has
        for (var i = 0; i < 2; i++) await (await LoginAsync(first, alice.Username, "guess" + i)).AssertStatusAsync(HttpStatusCode.BadRequest);
        await (await LoginAsync(second, alice.Username, "guess")).AssertStatusAsync(HttpStatusCode.BadRequest);

        Assert.InRange(await AssertThrottledAsync(await LoginAsync(first, alice.Username, Password)), 890, 900);
        await AssertThrottledAsync(await LoginAsync(second, alice.Username, Password));
    }

    [Fact]
    public async Task Waiting_out_retry_after_is_enough_even_when_the_accounts_lockout_began_after_the_first_failure()
    {
        using var factory = Service(perUsername: 3, more: new() { ["Auth:Throttle:WindowSeconds"] = "4" });
        var alice = await ApiClient.RegisterAsync(factory);

        // The throttle's window runs from the first failure, the lockout from the third, two seconds later.
        await (await LoginAsync(factory, alice.Username, "guess0")).AssertStatusAsync(HttpStatusCode.BadRequest);
        await Task.Delay(TimeSpan.FromSeconds(2));
        for (var i = 1; i < 3; i++) await (await LoginAsync(factory, alice.Username, "guess" + i)).AssertStatusAsync(HttpStatusCode.BadRequest);

        var wait = await AssertThrottledAsync(await LoginAsync(factory, alice.Username, Password));
        Assert.InRange(wait, 3, 4); // the lockout's wait, not the throttle's 2 s
        await Task.Delay(TimeSpan.FromSeconds(wait));
        await (await LoginAsync(factory, alice.Username, Password)).AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Behind_a_configured_proxy_each_forwarded_client_address_is_counted_on_its_own()
    {
        using var factory = Service(perAddress: 3, more: new() { ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" });

        for (var i = 0; i < 3; i++) await (await LoginAsync(factory, "nobody" + i, "guess", forwardedFor: "203.0.113.7")).AssertStatusAsync(HttpStatusCode.BadRequest);

        await AssertThrottledAsync(await LoginAsync(factory, "someone", "guess", forwardedFor: "203.0.113.7"));
        await (await LoginAsync(factory, "someone", "guess", forwardedFor: "203.0.113.8")).AssertStatusAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Without_a_configured_proxy_X_Forwarded_For_is_not_believed()
    {
        using var factory = Service(perAddress: 3);

        for (var i = 0; i < 3; i++) await (await LoginAsync(factory, "nobody" + i, "guess", forwardedFor: $"203.0.113.{i}")).AssertStatusAsync(HttpStatusCode.BadRequest);

        await AssertThrottledAsync(await LoginAsync(factory, "someone", "guess", forwardedFor: "203.0.113.99"));
    }

    [Fact]
    public async Task The_openapi_document_says_a_login_may_be_429()
    {
        using var factory = new ApiFactory();

        var document = await (await Api.Anonymous(factory).GetAsync("/openapi/v1.json")).BodyAsync(HttpStatusCode.OK);

        var paths = document.GetProperty("paths");
        var token = paths.TryGetProperty("/api/auth/token/", out var withSlash) ? withSlash : paths.GetProperty("/api/auth/token");
        Assert.True(token.GetProperty("post").GetProperty("responses").TryGetProperty("429", out _));
    }

    [GeneratedRegex(@"^Request was throttled\. Expected available in (\d+) seconds?\.$")]
    private static partial Regex ThrottledDetail();
}
