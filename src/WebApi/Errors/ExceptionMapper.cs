using System.Globalization;
using AssetManager.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace AssetManager.WebApi.Errors;

/// <summary>Answers every exception with the contract's body; unexpected ones are logged, never shown.</summary>
public sealed class ExceptionMapper(ILogger<ExceptionMapper> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (context.RequestAborted.IsCancellationRequested)
        {
            logger.LogInformation("Client went away during {Method} {Path}", context.Request.Method, context.Request.Path);
            return true;
        }
        var (status, body) = ErrorResponses.FromException(exception);
        if (exception is StorageFailedException)
            // the store's own error is the inner exception, written with it: the body shows only the reason
            logger.LogError(exception, "{Message} ({Method} {Path})", exception.Message, context.Request.Method, context.Request.Path);
        else if (status >= 500)
            logger.LogError(exception, "Unhandled error in {Method} {Path}", context.Request.Method, context.Request.Path);
        if (context.Response.HasStarted) return true;
        if (exception is ThrottledException throttled)
            context.Response.Headers.RetryAfter = throttled.WaitSeconds.ToString(CultureInfo.InvariantCulture);
        await ErrorResponses.WriteAsync(context, status, body);
        return true;
    }
}
