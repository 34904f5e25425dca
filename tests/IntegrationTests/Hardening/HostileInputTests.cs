using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AssetManager.IntegrationTests.Conventions;
using AssetManager.IntegrationTests.Fixtures;

namespace AssetManager.IntegrationTests.Hardening;

/// <summary>
/// Contract section 1, "Bad requests and limits": a body or header the service cannot read is the client's 400 (or
/// 401 for a credential), never a 500, and text carries no NUL and has bounds.
/// </summary>
public abstract class HostileInputTests(SharedApi api)
{
    private readonly ApiFactory factory = api.Factory;

    private const string LoneSurrogate = "\"\\ud800\"";

    public static TheoryData<string, string> JsonRoutes => new()
    {
        { "/api/auth/register/", """{"username": "dup", "username": "dup2", "password": "Acc-Ufz_kxJqrTzqWcaYQ"}""" },
        { "/api/auth/token/", """{"username": "a", "password": "b", "password": "c"}""" },
        { "/api/projects/", """{"name": "A", "name": "B"}""" },
        { "/api/auth/register/", $$"""{"username": {{LoneSurrogate}}, "password": "Acc-Ufz_kxJqrTzqWcaYQ"}""" },
        { "/api/auth/token/", $$"""{"username": "a", "password": {{LoneSurrogate}}}""" },
        { "/api/projects/", $$"""{"name": {{LoneSurrogate}}}""" },
        { "/api/projects/", """{"name": "ok", "\ud800": 1}""" },
    };

    [Theory]
    [MemberData(nameof(JsonRoutes))]
    public async Task Duplicate_keys_and_lone_surrogates_are_json_parse_errors(string path, string json)
    {
        var user = await api.UserAsync();

        var body = await (await user.Http.PostJsonAsync(path, json)).BodyAsync(HttpStatusCode.BadRequest);

        Assert.StartsWith("JSON parse error - ", body.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("""{"generation_config": {"a": 1, "a": 2}}""")]
    [InlineData("""{"generation_config": {"a": "\udc00"}}""")]
    [InlineData("""{"prompt_text": "\ud83d"}""")]
    public async Task A_patch_of_an_asset_with_a_malformed_body_is_400(string json)
    {
        var user = await api.UserAsync();
        var asset = await (await user.Http.UploadAsync(await user.CreateBoxAsync())).BodyAsync(HttpStatusCode.Created);

        var body = await (await user.Http.PatchJsonAsync($"/api/assets/{asset.Id()}/", json)).BodyAsync(HttpStatusCode.BadRequest);

        Assert.StartsWith("JSON parse error - ", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_generation_config_given_as_text_with_a_duplicate_key_is_the_fields_error()
    {
        var user = await api.UserAsync();
        var asset = await (await user.Http.UploadAsync(await user.CreateBoxAsync())).BodyAsync(HttpStatusCode.Created);

        await (await user.Http.PatchJsonAsync($"/api/assets/{asset.Id()}/", """{"generation_config": "{\"a\": 1, \"a\": 2}"}"""))
            .AssertJsonAsync(HttpStatusCode.BadRequest, """{"generation_config": ["Value must be a JSON object."]}""");
    }

    [Fact]
    public async Task An_upload_field_that_is_not_utf8_text_is_400()
    {
        var user = await api.UserAsync();
        var box = await user.CreateBoxAsync();
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(SampleFiles.Png()), "file", "a.png");
        form.Add(new ByteArrayContent([0x61, 0xED, 0xA0, 0x80, 0x62]), "prompt_text"); // "a", a surrogate on its own, "b"

        var body = await (await user.Http.PostAsync($"/api/boxes/{box}/upload/", form)).BodyAsync(HttpStatusCode.BadRequest);

        Assert.Equal("Form field 'prompt_text' is not valid UTF-8 text", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_generation_config_form_field_with_a_duplicate_key_is_the_fields_error()
    {
        var user = await api.UserAsync();
        var box = await user.CreateBoxAsync();
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(SampleFiles.Png()), "file", "a.png");
        form.Add(new StringContent("""{"steps": 1, "steps": 2}"""), "generation_config");

        await (await user.Http.PostAsync($"/api/boxes/{box}/upload/", form))
            .AssertJsonAsync(HttpStatusCode.BadRequest, """{"generation_config": ["Value must be a JSON object."]}""");
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x41 })]
    [InlineData(new byte[] { 0x54, 0x6F, 0x6B, 0x65, 0x6E, 0x20, 0xC3, 0x28, 0x61 })] // "Token " then invalid UTF-8
    [InlineData(new byte[] { 0x54, 0x6F, 0x6B, 0x65, 0x6E, 0x20, 0xC3, 0xA9, 0x61 })] // "Token éa": UTF-8, not a key
    public async Task An_authorization_header_that_is_not_ascii_is_a_bad_credential(byte[] value)
    {
        var response = await RawHttp.SendAsync(factory.BaseAddress, RawHttp.Get(factory.BaseAddress, "/api/projects/", value));

        Assert.Equal(401, response.Status);
        Assert.Contains("WWW-Authenticate: Token", response.Head);
        // (the body comes chunked: its JSON is looked for inside)
        if (value[0] == 0x54) Assert.Contains("""{"detail":"Invalid token."}""", response.Body);
        else Assert.Contains("""{"detail":"Authentication credentials were not provided."}""", response.Body);
    }

    [Theory]
    [InlineData("/api/projects/", """{"name": "a\u0000b"}""", "name")]
    [InlineData("/api/projects/", """{"name": "ok", "description": "x\u0000"}""", "description")]
    [InlineData("/api/auth/register/", """{"username": "nul\u0000user", "password": "Acc-Ufz_kxJqrTzqWcaYQ"}""", "username")]
    public async Task Text_with_a_nul_character_is_refused(string path, string json, string field)
    {
        var user = await api.UserAsync();

        await (await user.Http.PostJsonAsync(path, json))
            .AssertJsonAsync(HttpStatusCode.BadRequest, $$"""{"{{field}}": ["Null characters are not allowed."]}""");
    }

    [Fact]
    public async Task A_prompt_with_a_nul_character_is_refused_in_an_upload_and_a_patch()
    {
        var user = await api.UserAsync();
        var box = await user.CreateBoxAsync();
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(SampleFiles.Png()), "file", "a.png");
        form.Add(new StringContent("a\0b"), "prompt_text");
        await (await user.Http.PostAsync($"/api/boxes/{box}/upload/", form))
            .AssertJsonAsync(HttpStatusCode.BadRequest, """{"prompt_text": ["Null characters are not allowed."]}""");

        var asset = await (await user.Http.UploadAsync(box)).BodyAsync(HttpStatusCode.Created);
        await (await user.Http.PatchJsonAsync($"/api/assets/{asset.Id()}/", """{"prompt_text": "a\u0000b"}"""))
            .AssertJsonAsync(HttpStatusCode.BadRequest, """{"prompt_text": ["Null characters are not allowed."]}""");
    }

    [Fact]
    public async Task Text_past_its_bound_is_refused_and_nothing_is_stored()
    {
        var user = await api.UserAsync();
        var project = await user.CreateProjectAsync();
        var box = await user.CreateBoxAsync(project);
        var longDescription = new string('d', 10_001);
        var longPrompt = new string('p', 100_001);

        await (await user.Http.PatchJsonAsync($"/api/projects/{project}/", $$"""{"description": "{{longDescription}}"}"""))
            .AssertJsonAsync(HttpStatusCode.BadRequest, """{"description": ["Ensure this field has no more than 10000 characters."]}""");
        await (await user.Http.PostJsonAsync("/api/boxes/", $$"""{"project": {{project}}, "name": "B", "description": "{{longDescription}}"}"""))
            .AssertJsonAsync(HttpStatusCode.BadRequest, """{"description": ["Ensure this field has no more than 10000 characters."]}""");
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(SampleFiles.Png()), "file", "a.png");
        form.Add(new StringContent(longPrompt), "prompt_text");
        await (await user.Http.PostAsync($"/api/boxes/{box}/upload/", form))
            .AssertJsonAsync(HttpStatusCode.BadRequest, """{"prompt_text": ["Ensure this field has no more than 100000 characters."]}""");

        var assets = await (await user.Http.GetAsync($"/api/boxes/{box}/assets/")).BodyAsync(HttpStatusCode.OK);
        Assert.Equal(0, assets.GetProperty("count").GetInt32());
        var stored = await (await user.Http.GetAsync($"/api/projects/{project}/")).BodyAsync(HttpStatusCode.OK);
        Assert.Equal("", stored.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Pagination_links_never_come_from_an_arbitrary_host_header()
    {
        var user = await api.UserAsync("pager");
        await user.CreateProjectAsync("one");
        await user.CreateProjectAsync("two");
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/projects/?page_size=1");
        request.Headers.Host = "evil.example";

        var body = await (await user.Http.SendAsync(request)).BodyAsync(HttpStatusCode.OK);

        var next = body.GetProperty("next").GetString()!;
        Assert.DoesNotContain("evil.example", next);
        Assert.Equal($"http://127.0.0.1:{factory.BaseAddress.Port}/api/projects/?page_size=1&page=2", next);
    }

    [Fact]
    public async Task Pagination_links_keep_the_address_the_client_used()
    {
        var user = await api.UserAsync("pager2");
        await user.CreateProjectAsync("one");
        await user.CreateProjectAsync("two");
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/projects/?page_size=1");
        request.Headers.Host = $"localhost:{factory.BaseAddress.Port}";

        var body = await (await user.Http.SendAsync(request)).BodyAsync(HttpStatusCode.OK);

        Assert.Equal($"http://localhost:{factory.BaseAddress.Port}/api/projects/?page_size=1&page=2", body.GetProperty("next").GetString());
    }
}

public sealed class HostileInputTestsOnSqlite(SharedApi api) : HostileInputTests(api), IClassFixture<SharedApi>;

/// <summary>PostgreSQL refuses what SQLite keeps (a NUL character in text): none of it may reach it as a 500.</summary>
public sealed class HostileInputTestsOnPostgreSql(SharedApiOnPostgreSql api) : HostileInputTests(api), IClassFixture<SharedApiOnPostgreSql>;
