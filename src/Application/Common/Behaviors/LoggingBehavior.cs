using System.Diagnostics;
using AssetManager.Domain.Common;
using Mediator;
using Microsoft.Extensions.Logging;

namespace AssetManager.Application.Common.Behaviors;

/// <summary>Logs each message's name and duration; failures other than the expected client errors as errors.</summary>
public sealed class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            logger.LogDebug("{Message} handled in {Elapsed} ms", typeof(TMessage).Name,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (ThrottledException ex)
        {
            // a flood of throttled requests must not become a flood of log lines (LoginFailures warns once per key)
            logger.LogDebug("{Message} refused: {Reason}", typeof(TMessage).Name, ex.Message);
            throw;
        }
        catch (DomainException ex)
        {
            logger.LogInformation("{Message} refused: {Reason}", typeof(TMessage).Name, ex.Message);
            throw;
        }
    }
}
