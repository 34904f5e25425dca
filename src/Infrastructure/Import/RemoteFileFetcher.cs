using System.Net;
using System.Net.Http.Headers;
using AssetManager.Application.Assets.Commands.ImportAsset;
using AssetManager.Domain.Common;
using Microsoft.Extensions.Options;

namespace AssetManager.Infrastructure.Import;

/// <summary>
/// Downloads for import-from-URL over its own <see cref="HttpClient"/>: every connection goes through
/// <see cref="GuardedConnector"/>, redirects are followed here (at most <see cref="ImportOptions.MaxRedirects"/>, each
/// checked like the first URL), no proxy, cookie or credential is ever sent, and the whole download has a deadline.
/// Every failure is a field error on <c>url</c> saying why.
/// </summary>
public sealed class RemoteFileFetcher : IRemoteFiles, IDisposable
{
    private readonly HttpClient _http;
    private readonly ImportOptions _options;

    public RemoteFileFetcher(IOptions<ImportOptions> options)
    {
        _options = options.Value;
        var connectTimeout = TimeSpan.FromSeconds(_options.ConnectTimeoutSeconds);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = new GuardedConnector(new AddressRules(_options.Networks()), connectTimeout).ConnectAsync,
            // no ConnectTimeout of the handler's: the connector times each address itself and says so in words; the
            // handler's would also count the name's resolution and the addresses before, and end in a bare cancellation
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            Credentials = null,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            MaxResponseHeadersLength = 64, // KiB
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("AssetManager-Import", "1.0"));
    }

    public async Task<RemoteFile> OpenAsync(Uri url, CancellationToken cancellationToken)
    {
        var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        try
        {
            var current = url;
            for (var redirects = 0; ; redirects++)
            {
                var response = await SendAsync(current, deadline.Token, cancellationToken);
                if (IsRedirect(response.StatusCode))
                {
                    var location = response.Headers.Location;
                    response.Dispose();
                    current = NextUrl(current, location, redirects);
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                {
                    response.Dispose();
                    throw Failed($"The URL answered {(int)response.StatusCode} {response.ReasonPhrase}.".Replace(" .", "."));
                }
                var headers = response.Content.Headers;
                var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                return new RemoteFile(current, FileNameOf(headers.ContentDisposition), headers.ContentType?.MediaType,
                    headers.ContentLength, new RemoteBodyStream(body, response, deadline, _options.TimeoutSeconds));
            }
        }
        catch
        {
            deadline.Dispose();
            throw;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Uri url, CancellationToken deadline, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline, cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
        }
        catch (HttpRequestException ex)
        {
            throw Failed(RefusalIn(ex)?.Message ?? $"The URL could not be fetched: {ex.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // the deadline, or any other time limit on the way (never the client's own cancellation)
            throw Failed(deadline.IsCancellationRequested
                ? $"The URL did not answer within {_options.TimeoutSeconds} seconds."
                : $"The URL could not be fetched: {url.Host} did not answer in time.");
        }
    }

    private Uri NextUrl(Uri current, Uri? location, int redirectsSoFar)
    {
        if (location is null) throw Failed("The URL answered a redirect without a Location.");
        if (redirectsSoFar >= _options.MaxRedirects) throw Failed($"The URL redirected more than {_options.MaxRedirects} times.");
        var next = location.IsAbsoluteUri ? location : new Uri(current, location);
        if (next.Scheme is not ("http" or "https"))
            throw Failed($"The URL redirected to a {next.Scheme} URL; only http and https can be imported.");
        if (next.UserInfo.Length > 0) throw Failed("The URL redirected to a URL with a user name or password.");
        return next;
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static string? FileNameOf(ContentDispositionHeaderValue? disposition)
    {
        var name = disposition?.FileNameStar ?? disposition?.FileName;
        return string.IsNullOrWhiteSpace(name) ? null : name.Trim('"');
    }

    private static ImportRefusedException? RefusalIn(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
            if (ex is ImportRefusedException refused) return refused;
        return null;
    }

    internal static FieldValidationException Failed(string message) => new(ImportAssetCommand.UrlField, message);

    public void Dispose() => _http.Dispose();
}
