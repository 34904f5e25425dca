using System.Net;
using System.Net.Http.Headers;
using AssetManager.IntegrationTests.Conventions;
using AssetManager.IntegrationTests.Fixtures;

namespace AssetManager.IntegrationTests.Hardening;

/// <summary>The job engine's status page: off unless enabled; then from this machine, or for an administrator only.</summary>
public sealed class JobsStatusPageTests : IDisposable
{
    private readonly ApiFactory _enabled = new(new Dictionary<string, string?>
    {
        ["Jobs:StatusPage:Enabled"] = "true",
        ["Jobs:StatusPage:AdminUsers:0"] = "chief",
    });

    [Fact]
    public async Task It_is_off_unless_enabled()
    {
        using var factory = new ApiFactory();

        await (await factory.CreateRealClient().GetAsync("/admin/jobs/")).AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);
    }

    [Fact]
    public async Task From_this_machine_it_shows_the_engine_and_the_assets()
    {
        var body = await (await _enabled.CreateRealClient().GetAsync("/admin/jobs/")).BodyAsync(HttpStatusCode.OK);

        Assert.Equal("AssetManager", body.GetProperty("engine").GetProperty("scheduler").GetString());
        Assert.True(body.GetProperty("engine").GetProperty("threads").GetInt32() >= 1);
        Assert.Equal(0, body.GetProperty("assets").GetProperty("failed").GetInt32());
    }

    [Fact]
    public async Task Through_a_proxy_it_is_for_administrators_alone()
    {
        var anonymous = Forwarded(_enabled.CreateRealClient());
        await (await anonymous.GetAsync("/admin/jobs/")).AssertJsonAsync(HttpStatusCode.Unauthorized, Api.NotAuthenticated);

        var someone = await ApiClient.RegisterAsync(_enabled);
        await (await Forwarded(someone.Http).GetAsync("/admin/jobs/")).AssertJsonAsync(HttpStatusCode.Forbidden,
            """{"detail": "You do not have permission to perform this action."}""");

        var chief = await ApiClient.RegisterAsync(_enabled, "chief");
        await (await Forwarded(chief.Http).GetAsync("/admin/jobs/")).AssertStatusAsync(HttpStatusCode.OK);
    }

    /// <summary>As a request an nginx on this machine passes on: it comes from loopback, and says whom for.</summary>
    private static HttpClient Forwarded(HttpClient http)
    {
        http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        return http;
    }

    public void Dispose() => _enabled.Dispose();
}
