using System.Net.Sockets;
using AssetManager.Domain.Common;
using AssetManager.UnitTests.TestSupport;
using AssetManager.WebApi.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AssetManager.UnitTests.WebApi;

public sealed class ExceptionMapperTests
{
    [Fact]
    public async Task A_storage_failure_is_logged_with_the_stores_own_error_as_its_cause()
    {
        var logger = new CapturingLogger<ExceptionMapper>();
        var context = NewContext();
        var cause = new SocketException((int)SocketError.ConnectionRefused);

        await new ExceptionMapper(logger).TryHandleAsync(context, new StorageFailedException("Connection refused", cause), CancellationToken.None);

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Same(cause, entry.Exception?.InnerException);
        Assert.Contains(nameof(SocketException), entry.Exception!.ToString());
        Assert.Equal(500, context.Response.StatusCode);
    }

    [Fact]
    public async Task The_body_of_a_storage_failure_names_the_reason_and_not_the_cause()
    {
        var context = NewContext();
        context.Response.Body = new MemoryStream();

        await new ExceptionMapper(new CapturingLogger<ExceptionMapper>()).TryHandleAsync(
            context, new StorageFailedException("NoSuchBucket: gone", new IOException("secret detail")), CancellationToken.None);

        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        Assert.Equal("""{"error":"Failed to upload file: NoSuchBucket: gone"}""", body);
    }

    private static DefaultHttpContext NewContext()
    {
        var services = new ServiceCollection().AddOptions().Configure<JsonOptions>(_ => { }).BuildServiceProvider();
        return new DefaultHttpContext { RequestServices = services };
    }
}
