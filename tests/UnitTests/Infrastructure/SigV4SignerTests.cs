using System.Text;
using Amazon.Runtime;
using AssetManager.Infrastructure.Storage;

namespace AssetManager.UnitTests.Infrastructure;

/// <summary>The worked examples of AWS's "Signature Calculations for the Authorization Header" page for S3.</summary>
public sealed class SigV4SignerTests
{
    private const string Host = "https://examplebucket.s3.amazonaws.com";
    private const string EmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static readonly DateTime SignedAt = new(2013, 5, 24, 0, 0, 0, DateTimeKind.Utc);
    private static readonly ImmutableCredentials Keys = new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", null);

    private static string Authorization(HttpRequestMessage request, string payloadHash, ImmutableCredentials? keys = null)
    {
        new SigV4Signer("us-east-1").Sign(request, keys ?? Keys, SignedAt, payloadHash);
        return request.Headers.GetValues("Authorization").Single();
    }

    private static string Expected(string signedHeaders, string signature) =>
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, " +
        $"SignedHeaders={signedHeaders}, Signature={signature}";

    [Fact]
    public void Get_object_with_a_range()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Host + "/test.txt");
        request.Headers.TryAddWithoutValidation("Range", "bytes=0-9");

        Assert.Equal(Expected("host;range;x-amz-content-sha256;x-amz-date",
            "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"), Authorization(request, EmptyHash));
        Assert.Equal("20130524T000000Z", request.Headers.GetValues("x-amz-date").Single());
        Assert.Equal(EmptyHash, request.Headers.GetValues("x-amz-content-sha256").Single());
    }

    [Fact]
    public void Put_object_with_an_encoded_key_and_an_amz_header()
    {
        var request = new HttpRequestMessage(HttpMethod.Put, Host + "/" + SigV4Signer.UriEncode("test$file.text", keepSlash: true))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes("Welcome to Amazon S3.")),
        };
        request.Headers.Date = SignedAt;
        request.Headers.TryAddWithoutValidation("x-amz-storage-class", "REDUCED_REDUNDANCY");

        Assert.Equal(Expected("date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class",
                "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd"),
            Authorization(request, "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072"));
    }

    [Fact]
    public void Query_parameter_without_a_value()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Host + "/?lifecycle");

        Assert.Equal(Expected("host;x-amz-content-sha256;x-amz-date",
            "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543"), Authorization(request, EmptyHash));
    }

    [Fact]
    public void Query_parameters_are_sorted()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Host + "/?prefix=J&max-keys=2");

        Assert.Equal(Expected("host;x-amz-content-sha256;x-amz-date",
            "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7"), Authorization(request, EmptyHash));
    }

    [Fact]
    public void A_session_token_is_sent_and_signed()
    {
        var request = new HttpRequestMessage(HttpMethod.Put, Host + "/k");

        var authorization = Authorization(request, SigV4Signer.UnsignedPayload, new ImmutableCredentials(Keys.AccessKey, Keys.SecretKey, "session"));

        Assert.Contains("SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,", authorization);
        Assert.Equal("session", request.Headers.GetValues("x-amz-security-token").Single());
        Assert.Equal("UNSIGNED-PAYLOAD", request.Headers.GetValues("x-amz-content-sha256").Single());
    }

    [Theory]
    [InlineData("uploads/ab12.jpg", true, "uploads/ab12.jpg")]
    [InlineData("a b/c+d~e_f-g.h", true, "a%20b/c%2Bd~e_f-g.h")]
    [InlineData("2~x/y=z", false, "2~x%2Fy%3Dz")]
    [InlineData("é", false, "%C3%A9")]
    public void Uri_encoding_keeps_only_unreserved_characters(string value, bool keepSlash, string encoded) =>
        Assert.Equal(encoded, SigV4Signer.UriEncode(value, keepSlash));

    [Theory]
    [InlineData("http://127.0.0.1:9000", "virtual", "http://127.0.0.1:9000/media/")]
    [InlineData("http://localhost:9000", "path", "http://localhost:9000/media/")]
    [InlineData("https://s3.timeweb.com", "virtual", "https://media.s3.timeweb.com/")]
    [InlineData("https://s3.example.com/", "auto", "https://media.s3.example.com/")]
    public void Objects_are_addressed_as_the_sdk_does(string endpoint, string style, string objectBase) =>
        Assert.Equal(objectBase, ObjectBase(new StorageOptions { BucketName = "media", EndpointUrl = endpoint, AddressingStyle = style }));

    [Theory]
    [InlineData("https://s3.example.com", "my.media", "https://s3.example.com/my.media/")]
    [InlineData("http://s3.example.com", "my.media", "http://s3.example.com/my.media/")]
    [InlineData("https://s3.example.com", "My_Media", "https://s3.example.com/My_Media/")]
    [InlineData("https://s3.example.com", "-media", "https://s3.example.com/-media/")]
    public void Buckets_that_cannot_be_host_names_are_addressed_by_path(string endpoint, string bucket, string objectBase) =>
        Assert.Equal(objectBase, ObjectBase(new StorageOptions { BucketName = bucket, EndpointUrl = endpoint }));

    private static string ObjectBase(StorageOptions options) =>
        S3ClientFactory.ObjectBaseUrl(S3ClientFactory.Create(options with { AccessKeyId = "AKID", SecretAccessKey = "SECRET" }), options.BucketName!);
}
