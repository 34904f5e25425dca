using System.Text.Json;
using System.Text.Json.Nodes;
using AssetManager.Application.Assets;
using AssetManager.Application.Assets.Commands.CompleteDirectUpload;
using AssetManager.Application.Assets.Commands.CreateDirectUpload;
using AssetManager.Application.Assets.Commands.ImportAsset;
using AssetManager.Application.Assets.Commands.UploadBatch;
using AssetManager.Application.Assets.Queries.ListDirectUploadParts;
using AssetManager.Application.Boxes.Queries.GetBox;
using AssetManager.Application.Common.Storage;
using AssetManager.WebApi.Auth;
using AssetManager.WebApi.Errors;
using AssetManager.WebApi.Http;
using AssetManager.WebApi.OpenApi;
using AssetManager.WebApi.Uploads;
using Mediator;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AssetManager.WebApi.Endpoints;

/// <summary>
/// The ways in besides the single upload (issue "More ways in"): a batch of files, an import from a URL, and the
/// direct upload to S3 (single PUT or resumable parts). The JSON routes answer 404 for someone else's box before
/// they read the body, as the upload does.
/// </summary>
public static class IntakeEndpoints
{
    public static void MapIntakeEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/boxes/{id:int}/upload/batch/", UploadBatch)
            .CountsAsUpload()
            .WithTags("Assets")
            .DisableAntiforgery()
            .DocumentsBody<BatchUploadRequest>("multipart/form-data")
            .Produces<BatchUploadResult>(StatusCodes.Status201Created)
            .Produces<BatchUploadResult>(StatusCodes.Status400BadRequest)
            .Produces<ErrorBody>(StatusCodes.Status413PayloadTooLarge)
            .ProducesNotFound()
            .WithSummary("Upload several files into a box: each is streamed to storage and becomes an asset")
            .WithDescription("Repeated `files` parts and the single upload's optional fields, shared by every file, in any " +
                             "order. 201 when at least one file was stored, else 400, both {\"created\": [...], \"failed\": " +
                             "[{\"filename\", \"error\"}]}. A field error (400 {\"field\": [...]}), no file or too many files " +
                             "(400 {\"error\"}) refuse the whole batch and leave nothing stored.");

        api.MapPost("/boxes/{id:int}/import/", Import)
            .CountsAsUpload()
            .WithTags("Assets")
            .DocumentsBody<ImportRequest>("application/json")
            .Produces<AssetDto>(StatusCodes.Status201Created)
            .ProducesFieldErrors()
            .Produces<ErrorBody>(StatusCodes.Status413PayloadTooLarge)
            .Produces<ErrorBody>(StatusCodes.Status500InternalServerError)
            .ProducesNotFound()
            .WithSummary("Import a file from an http(s) URL into a box: the service downloads and stores it")
            .WithDescription("Checks: token (401), box yours (404), body and URL (400 {\"url\": [...]}: also for an address " +
                             "imports may not reach, a source that fails, times out or answers other than 2xx), then the " +
                             "upload's checks on the file (400 {\"error\"}, 413).");

        api.MapPost("/boxes/{id:int}/upload-url/", CreateDirectUpload)
            .WithTags("Assets")
            .DocumentsBody<DirectUploadRequest>("application/json")
            .Produces<DirectUploadTarget>(StatusCodes.Status201Created)
            .Produces<ErrorBody>(StatusCodes.Status400BadRequest)
            .Produces<ErrorBody>(StatusCodes.Status413PayloadTooLarge)
            .ProducesNotFound()
            .WithSummary("Ask for presigned URLs to upload a file straight to S3")
            .WithDescription("Below the multipart threshold one presigned PUT (url, method, headers to send); at or above it " +
                             "presigned parts (part_size, parts). Empty, an extension not accepted (400) or over the size " +
                             "limit (413) before anything is signed; a disk store answers 400.");

        api.MapGet("/boxes/{id:int}/upload-url/{upload_id}/", ListDirectUploadParts)
            .WithTags("Assets")
            .Produces<UploadedParts>()
            .Produces<ErrorBody>(StatusCodes.Status400BadRequest)
            .ProducesNotFound()
            .WithSummary("The parts S3 already holds for a direct upload, to resume it");

        api.MapPost("/boxes/{id:int}/upload-complete/", CompleteDirectUpload)
            .CountsAsUpload()
            .WithTags("Assets")
            .DocumentsBody<DirectUploadCompleteRequest>("application/json")
            .Produces<AssetDto>(StatusCodes.Status201Created)
            .Produces<ErrorBody>(StatusCodes.Status400BadRequest)
            .Produces<ErrorBody>(StatusCodes.Status500InternalServerError)
            .ProducesNotFound()
            .WithSummary("Turn a finished direct upload into an asset")
            .WithDescription("Completes the multipart upload if there is one, checks the object's size and leading bytes " +
                             "(400 and the object is deleted when they do not agree), makes it public, and answers 201 with " +
                             "the asset. An unknown, expired, used or someone else's upload_id is 404.");
    }

    private static async Task<IResult> UploadBatch(int id, HttpContext http, IMediator mediator)
    {
        // The form counts what it reads and answers the contract's 413 itself; Kestrel's generic cap must not cut in first.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = null;
        var upload = http.RequestServices.GetRequiredService<IOptions<UploadOptions>>().Value;
        var form = MultipartUploadForm.ForBatch(http.Request, upload.MaxFileBytes, upload.MaxBatchFiles);
        var result = await mediator.Send(new UploadBatchCommand(http.UserId(), id, form), http.RequestAborted);
        return Results.Json(result, statusCode: result.Created.Count > 0 ? StatusCodes.Status201Created : StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> Import(int id, HttpContext http, IMediator mediator)
    {
        var fields = await BoxThenBodyAsync(id, http, mediator);
        var command = new ImportAssetCommand(http.UserId(), id, fields.String(ImportAssetCommand.UrlField), fields.AssetMetadata());
        fields.ThrowIfErrors();
        var asset = await mediator.Send(command, http.RequestAborted);
        return Results.Created($"/api/assets/{asset.Id}/", asset);
    }

    private static async Task<IResult> CreateDirectUpload(int id, HttpContext http, IMediator mediator)
    {
        var fields = await BoxThenBodyAsync(id, http, mediator);
        var command = new CreateDirectUploadCommand(
            http.UserId(), id, fields.String("filename"), fields.NullableInt64("size").Value, fields.String("content_type"));
        fields.ThrowIfErrors();
        var target = await mediator.Send(command, http.RequestAborted);
        return Results.Json(target, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListDirectUploadParts(
        int id, [FromRoute(Name = "upload_id")] string uploadId, HttpContext http, IMediator mediator)
    {
        await mediator.Send(new GetBoxQuery(http.UserId(), id), http.RequestAborted);
        return Results.Ok(await mediator.Send(new ListDirectUploadPartsQuery(http.UserId(), id, uploadId), http.RequestAborted));
    }

    private static async Task<IResult> CompleteDirectUpload(int id, HttpContext http, IMediator mediator)
    {
        var fields = await BoxThenBodyAsync(id, http, mediator);
        var command = new CompleteDirectUploadCommand(http.UserId(), id, fields.String("upload_id"),
            fields.ObjectList("parts", Part, "Each part is {\"part_number\": integer, \"etag\": string}."), fields.AssetMetadata());
        fields.ThrowIfErrors();
        var asset = await mediator.Send(command, http.RequestAborted);
        return Results.Created($"/api/assets/{asset.Id}/", asset);
    }

    /// <summary>As DRF's get_object(): someone else's box or a missing one is a 404 before the body is read or checked.</summary>
    private static async Task<FieldReader> BoxThenBodyAsync(int id, HttpContext http, IMediator mediator)
    {
        await mediator.Send(new GetBoxQuery(http.UserId(), id), http.RequestAborted);
        return new FieldReader(await RequestBody.ReadAsync(http.Request, http.RequestAborted));
    }

    private static StoredPart? Part(JsonObject part) =>
        part["part_number"] is JsonValue number && number.GetValueKind() == JsonValueKind.Number && number.TryGetValue<int>(out var partNumber)
        && part["etag"] is JsonValue etag && etag.GetValueKind() == JsonValueKind.String
            ? new StoredPart(partNumber, etag.GetValue<string>())
            : null;

    /// <summary>The batch's multipart form, for the API documentation.</summary>
    public sealed record BatchUploadRequest(
        IReadOnlyList<IFormFile> Files, string? PromptText, bool? IsFavorite, int? AiModel, string? GenerationConfig, long? Seed);

    public sealed record ImportRequest(
        string Url, string? PromptText, bool? IsFavorite, int? AiModel, Dictionary<string, object>? GenerationConfig, long? Seed);

    public sealed record DirectUploadRequest(string Filename, long Size, string? ContentType);

    public sealed record DirectUploadCompleteRequest(
        string UploadId, IReadOnlyList<DirectUploadPartRequest>? Parts, string? PromptText, bool? IsFavorite, int? AiModel,
        Dictionary<string, object>? GenerationConfig, long? Seed);

    public sealed record DirectUploadPartRequest(int PartNumber, string Etag);
}
