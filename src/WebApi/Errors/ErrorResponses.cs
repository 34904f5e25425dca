using System.Text.Json;
using AssetManager.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace AssetManager.WebApi.Errors;

/// <summary>
/// The one place that turns errors into the contract's bodies: exceptions, unmatched routes and methods,
/// and authentication challenges all come here. No body ever carries a stack trace.
/// </summary>
public static class ErrorResponses
{
    public const string ServerError = "A server error occurred.";
    public const string NotAuthenticated = "Authentication credentials were not provided.";

    public static (int Status, object Body) FromException(Exception exception) => exception switch
    {
        FieldValidationException e => (StatusCodes.Status400BadRequest, e.Errors),
        UploadRejectedException e => (StatusCodes.Status400BadRequest, new ErrorBody(e.Message)),
        FileTooLargeException e => (StatusCodes.Status413PayloadTooLarge, new ErrorBody(e.Message)),
        StorageFailedException e => (StatusCodes.Status500InternalServerError, new ErrorBody(e.Message)),
        NotFoundException e => (StatusCodes.Status404NotFound, new DetailBody(e.Message)),
        // the row a change was for went away meanwhile (a racing DELETE): the loser of the race gets the 404
        DbUpdateConcurrencyException => (StatusCodes.Status404NotFound, NotFound),
        ThrottledException e => (StatusCodes.Status429TooManyRequests, new DetailBody(e.Message)),
        RequestBodyException e => (e.StatusCode, new DetailBody(e.Message)),
        InvalidDataException e => (StatusCodes.Status400BadRequest, new ErrorBody($"Malformed multipart body: {e.Message}")),
        BadHttpRequestException e => (e.StatusCode, new DetailBody(e.Message)),
        _ => (StatusCodes.Status500InternalServerError, new DetailBody(ServerError)),
    };

    public static DetailBody MethodNotAllowed(string method) => new($"Method \"{method}\" not allowed.");

    public static DetailBody UnsupportedMediaType(string? contentType) => new($"Unsupported media type \"{contentType}\" in request.");

    public static DetailBody NotFound { get; } = new("Not found.");

    public static Task WriteAsync(HttpContext context, int status, object body)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, body.GetType(), options), context.RequestAborted);
    }
}
