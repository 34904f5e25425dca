using System.Net;
using System.Text;
using AssetManager.IntegrationTests.Conventions;
using AssetManager.IntegrationTests.Fixtures;
using AssetManager.WebApi.Http;

namespace AssetManager.IntegrationTests.Limits;

/// <summary>
/// Contract section 1: JSON and form bodies, and the upload's fields besides the file, are at most 2.5 MiB and 1,000
/// fields; over either the answer is a 413 or a 400 with a JSON body (the upload's in its own <c>{"error"}</c> shape).
/// </summary>
public sealed class BodyLimitTests(SharedApi api) : IClassFixture<SharedApi>
{
    private const int MiB = 1024 * 1024;
    private static readonly string TooLarge =
        $$"""{"detail": "Request body too large. The max request body size is {{BodyLimits.DefaultMaxFormBytes}} bytes."}""";
    private static readonly string TooManyFields =
        $$"""{"detail": "Too many fields. The max number of fields is {{BodyLimits.DefaultMaxFormFields}}."}""";

    private static string JsonWithFields(int count, int valueLength = 1) =>
        "{\"name\": \"Film\"" + string.Concat(Enumerable.Range(1, count - 1).Select(i => $", \"f{i}\": \"{new string('x', valueLength)}\"")) + "}";

    [Fact]
    public async Task A_json_body_larger_than_the_limit_is_413()
    {
        var user = await api.UserAsync();

        var response = await user.Http.PostJsonAsync("/api/projects/", JsonWithFields(4, MiB));

        await response.AssertJsonAsync(HttpStatusCode.RequestEntityTooLarge, TooLarge);
    }

    [Fact]
    public async Task A_json_body_without_a_declared_length_is_cut_at_the_limit()
    {
        var user = await api.UserAsync();
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(JsonWithFields(4, MiB))));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/projects/") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await user.Http.SendAsync(request);

        await response.AssertJsonAsync(HttpStatusCode.RequestEntityTooLarge, TooLarge);
    }

    [Fact]
    public async Task A_json_body_with_more_fields_than_the_limit_is_400_and_one_at_the_limit_is_taken()
    {
        var user = await api.UserAsync();

        var over = await user.Http.PostJsonAsync("/api/projects/", JsonWithFields(BodyLimits.DefaultMaxFormFields + 1));
        var at = await user.Http.PostJsonAsync("/api/projects/", JsonWithFields(BodyLimits.DefaultMaxFormFields));

        await over.AssertJsonAsync(HttpStatusCode.BadRequest, TooManyFields);
        await at.AssertStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_form_body_with_more_fields_than_the_limit_is_400()
    {
        var fields = Enumerable.Range(0, BodyLimits.DefaultMaxFormFields + 1).Select(i => KeyValuePair.Create($"f{i}", "x"));
        using var http = Api.Anonymous(api.Factory);

        var response = await http.PostAsync("/api/auth/token/", new FormUrlEncodedContent(fields));

        await response.AssertJsonAsync(HttpStatusCode.BadRequest, TooManyFields);
    }

    [Fact]
    public async Task A_form_body_larger_than_the_limit_is_413()
    {
        using var http = Api.Anonymous(api.Factory);
        var fields = new[] { KeyValuePair.Create("username", new string('a', 3 * MiB)), KeyValuePair.Create("password", "x") };

        var response = await http.PostAsync("/api/auth/token/", new FormUrlEncodedContent(fields));

        await response.AssertJsonAsync(HttpStatusCode.RequestEntityTooLarge, TooLarge);
    }

    [Fact]
    public async Task An_upload_with_more_fields_than_the_limit_is_400()
    {
        var user = await api.UserAsync();
        var box = await user.CreateBoxAsync();
        var form = new MultipartFormDataContent();
        for (var i = 0; i <= BodyLimits.DefaultMaxFormFields; i++) form.Add(new StringContent("x"), $"f{i}");
        form.Add(new ByteArrayContent(SampleFiles.Png()), "file", "picture.png");

        var response = await user.Http.PostAsync($"/api/boxes/{box}/upload/", form);

        await response.AssertJsonAsync(HttpStatusCode.BadRequest,
            $$"""{"error": "Too many form fields: at most {{BodyLimits.DefaultMaxFormFields}} besides the file"}""");
    }

    [Fact]
    public async Task An_upload_whose_fields_are_larger_than_the_limit_in_all_is_400()
    {
        var user = await api.UserAsync();
        var box = await user.CreateBoxAsync();
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(SampleFiles.Png()), "file", "picture.png");
        for (var i = 0; i < 3; i++) form.Add(new StringContent(new string('x', MiB - 100)), $"f{i}");

        var response = await user.Http.PostAsync($"/api/boxes/{box}/upload/", form);

        await response.AssertJsonAsync(HttpStatusCode.BadRequest,
            $$"""{"error": "The form's fields are larger than {{BodyLimits.DefaultMaxFormBytes}} bytes in all"}""");
    }
}
