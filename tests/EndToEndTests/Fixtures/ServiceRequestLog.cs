using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace AssetManager.EndToEndTests.Fixtures;

/// <summary>
/// Every request the service received, as it arrived (method, path, declared body length): what a test checks to be
/// sure that a file's bytes went somewhere else.
/// </summary>
public sealed class ServiceRequestLog : IStartupFilter
{
    public sealed record Entry(string Method, string Path, long? ContentLength);

    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => [.. _entries];

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            var request = context.Request;
            _entries.Enqueue(new Entry(request.Method, request.Path.Value ?? "", request.ContentLength));
            return nextMiddleware(context);
        });
        next(app);
    };
}
