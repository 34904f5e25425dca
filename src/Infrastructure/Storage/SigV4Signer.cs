using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;

namespace AssetManager.Infrastructure.Storage;

/// <summary>
/// AWS Signature Version 4 in the <c>Authorization</c> header, for the requests <see cref="S3BodySender"/> sends
/// itself. Signs the host and every header on the request except <c>Content-Length</c>; the payload hash is the
/// caller's (<see cref="UnsignedPayload"/> for object bodies, as in every presigned URL).
/// </summary>
internal sealed class SigV4Signer(string region, string service = "s3")
{
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";
    private const string Algorithm = "AWS4-HMAC-SHA256";

    private SigningKeyOfDay? _signingKey;

    /// <summary>Adds <c>x-amz-date</c>, <c>x-amz-content-sha256</c>, the session token if any, and <c>Authorization</c>.</summary>
    public void Sign(HttpRequestMessage request, ImmutableCredentials credentials, DateTime utcNow, string payloadHash)
    {
        var amzDate = utcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        request.Headers.Remove("x-amz-date");
        request.Headers.TryAddWithoutValidation("x-amz-date", amzDate);
        request.Headers.Remove("x-amz-content-sha256");
        request.Headers.TryAddWithoutValidation("x-amz-content-sha256", payloadHash);
        if (credentials.UseToken)
        {
            request.Headers.Remove("x-amz-security-token");
            request.Headers.TryAddWithoutValidation("x-amz-security-token", credentials.Token);
        }

        var headers = CanonicalHeaders(request);
        var signedHeaders = string.Join(';', headers.Keys);
        var canonicalRequest = string.Join('\n',
            request.Method.Method,
            CanonicalPath(request.RequestUri!),
            CanonicalQuery(request.RequestUri!),
            string.Concat(headers.Select(h => $"{h.Key}:{h.Value}\n")),
            signedHeaders,
            payloadHash);
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = $"{Algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var signature = Hex(HMACSHA256.HashData(SigningKey(date, credentials.SecretKey), Encoding.UTF8.GetBytes(stringToSign)));
        request.Headers.TryAddWithoutValidation("Authorization",
            $"{Algorithm} Credential={credentials.AccessKey}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
    }

    /// <summary>
    /// RFC 3986 percent-encoding as SigV4 wants it: everything but <c>A-Z a-z 0-9 - _ . ~</c> (and <c>/</c> in paths),
    /// which is what <see cref="Uri.EscapeDataString(string)"/> does.
    /// </summary>
    public static string UriEncode(string value, bool keepSlash = false) =>
        keepSlash ? string.Join('/', value.Split('/').Select(Uri.EscapeDataString)) : Uri.EscapeDataString(value);

    private static SortedDictionary<string, string> CanonicalHeaders(HttpRequestMessage request)
    {
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = request.Headers.Host ?? request.RequestUri!.Authority,
        };
        var all = request.Content is null ? request.Headers : request.Headers.Concat(request.Content.Headers);
        foreach (var (name, values) in all)
        {
            var lower = name.ToLowerInvariant();
            if (lower is "authorization" or "content-length" or "host") continue;
            headers[lower] = string.Join(',', values.Select(v => string.Join(' ', v.Split(' ', StringSplitOptions.RemoveEmptyEntries))));
        }
        return headers;
    }

    // The path is sent as built (already encoded by the caller), so it is signed as it is.
    private static string CanonicalPath(Uri uri) => uri.AbsolutePath.Length == 0 ? "/" : uri.AbsolutePath;

    private static string CanonicalQuery(Uri uri)
    {
        if (uri.Query.Length <= 1) return "";
        return string.Join('&', uri.Query[1..].Split('&')
            .Select(pair => pair.Split('=', 2))
            .Select(kv => (Name: UriEncode(Uri.UnescapeDataString(kv[0])),
                           Value: kv.Length > 1 ? UriEncode(Uri.UnescapeDataString(kv[1])) : ""))
            .OrderBy(kv => kv.Name, StringComparer.Ordinal).ThenBy(kv => kv.Value, StringComparer.Ordinal)
            .Select(kv => $"{kv.Name}={kv.Value}"));
    }

    private byte[] SigningKey(string date, string secret)
    {
        if (_signingKey is { } cached && cached.Date == date && cached.Secret == secret) return cached.Key;
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(date));
        foreach (var part in new[] { region, service, "aws4_request" })
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        _signingKey = new SigningKeyOfDay(date, secret, key);
        return key;
    }

    private sealed record SigningKeyOfDay(string Date, string Secret, byte[] Key);

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
