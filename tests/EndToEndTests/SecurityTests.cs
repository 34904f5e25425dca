using AssetManager.EndToEndTests.Fixtures;

namespace AssetManager.EndToEndTests;

/// <summary>The app's pages forbid what the app does not need (the other tests show it still works under this policy).</summary>
[Collection(WebAppCollection.Name)]
public sealed class SecurityTests(WebAppFixture fixture)
{
    [Theory]
    [InlineData("/app/")]
    [InlineData("/app/js/main.js")]
    public async Task The_app_is_served_with_a_strict_content_security_policy_and_no_framing(string path)
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        using var response = await http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.DoesNotContain("*", policy);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task The_api_answers_are_left_as_they_were()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        using var response = await http.GetAsync("/api/ai-models/");
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
    }
}
