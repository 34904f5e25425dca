using AssetManager.Application.Assets;
using AssetManager.Application.Assets.Commands.DeleteAsset;
using AssetManager.Application.Assets.Commands.UpdateAsset;
using AssetManager.Application.Assets.Commands.UploadAsset;
using AssetManager.Application.Assets.Queries.GetAsset;
using AssetManager.Application.Assets.Queries.ListAssets;
using AssetManager.Application.Common;
using AssetManager.Domain.Assets;
using AssetManager.Domain.Common;
using AssetManager.WebApi.Auth;
using AssetManager.WebApi.Errors;
using AssetManager.WebApi.Http;
using AssetManager.WebApi.Uploads;
using AssetManager.WebApi.OpenApi;
using Mediator;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace AssetManager.WebApi.Endpoints;

/// <summary>Sections 4 and 5: the upload and the assets.</summary>
public static class AssetEndpoints
{
    public static void MapAssetEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/boxes/{id:int}/upload/", Upload)
            .CountsAsUpload()
            .WithTags("Assets")
            .DisableAntiforgery()
            .DocumentsBody<UploadRequest>("multipart/form-data")
            .Produces<AssetDto>(StatusCodes.Status201Created)
            .Produces<ErrorBody>(StatusCodes.Status400BadRequest)
            .Produces<ErrorBody>(StatusCodes.Status413PayloadTooLarge)
            .Produces<ErrorBody>(StatusCodes.Status500InternalServerError)
            .ProducesNotFound()
            .WithSummary("Upload a file into a box: it is streamed to storage and becomes an asset")
            .WithDescription("Checks, in order: token (401), box yours (404), file part present, not empty, extension " +
                             "accepted, content agrees with the extension (400 {\"error\"}), size limit (413), fields (400).");

        api.MapGet("/boxes/{id:int}/assets/", (int id, HttpContext http, IMediator mediator) => List(http, mediator, id))
            .WithTags("Assets").Produces<Paginated<AssetDto>>().ProducesFieldErrors().ProducesNotFound()
            .WithSummary("One box's assets, with the same filters as /api/assets/");

        var assets = api.MapGroup("/assets").WithTags("Assets");

        assets.MapGet("/", (HttpContext http, IMediator mediator) => List(http, mediator, null))
            .Produces<Paginated<AssetDto>>().ProducesFieldErrors().ProducesNotFound()
            .WithSummary("Your assets; filters ?box= ?asset_type= ?is_favorite= ?ai_model= ?checksum=, ?ordering=created_at|-created_at");

        assets.MapGet("/{id:int}/", async (int id, HttpContext http, IMediator mediator) =>
                Results.Ok(await mediator.Send(new GetAssetQuery(http.UserId(), id), http.RequestAborted)))
            .Produces<AssetDto>().ProducesNotFound()
            .WithSummary("One of your assets");

        assets.MapPatch("/{id:int}/", async (int id, HttpContext http, IMediator mediator) =>
            {
                // As DRF's get_object(): someone else's or a missing one is a 404 before the body is read or validated.
                await mediator.Send(new GetAssetQuery(http.UserId(), id), http.RequestAborted);
                var fields = new FieldReader(await RequestBody.ReadAsync(http.Request, http.RequestAborted));
                var command = new UpdateAssetCommand(http.UserId(), id)
                {
                    PromptText = fields.String("prompt_text", trim: false) is { } prompt ? prompt : Optional<string>.Unset,
                    IsFavorite = fields.Boolean("is_favorite"),
                    AiModel = fields.NullablePk("ai_model"),
                    GenerationConfig = fields.JsonObjectText("generation_config"),
                    Seed = fields.NullableInt64("seed"),
                    Box = fields.Pk("box") is { } box ? box : Optional<int>.Unset,
                };
                fields.ThrowIfErrors();
                return Results.Ok(await mediator.Send(command, http.RequestAborted));
            })
            .DocumentsBody<AssetPatchRequest>("application/json")
            .Produces<AssetDto>().ProducesFieldErrors().ProducesNotFound()
            .WithSummary("Change an asset's metadata or move it to another of your boxes");

        assets.MapDelete("/{id:int}/", async (int id, HttpContext http, IMediator mediator) =>
            {
                await mediator.Send(new DeleteAssetCommand(http.UserId(), id), http.RequestAborted);
                return Results.NoContent();
            })
            .Produces(StatusCodes.Status204NoContent).ProducesNotFound()
            .WithSummary("Delete an asset with its stored file and thumbnail");
    }

    private static async Task<IResult> Upload(int id, HttpContext http, IMediator mediator)
    {
        // The form counts what it reads and answers the contract's 413 itself; Kestrel's generic cap must not cut in first.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = null;
        var maxFileBytes = http.RequestServices.GetRequiredService<IOptions<UploadOptions>>().Value.MaxFileBytes;
        var form = new MultipartUploadForm(http.Request, maxFileBytes);
        var asset = await mediator.Send(new UploadAssetCommand(http.UserId(), id, form), http.RequestAborted);
        return Results.Created($"/api/assets/{asset.Id}/", asset);
    }

    private static async Task<IResult> List(HttpContext http, IMediator mediator, int? scopeBoxId)
    {
        var query = http.Request.Query;
        var errors = new FieldErrors();
        var filter = new AssetFilter(
            BoxId: FieldReader.QueryInt(query, "box", errors),
            AssetType: ParseAssetType(query["asset_type"].ToString(), errors),
            IsFavorite: ParseBoolean(query["is_favorite"].ToString(), errors),
            AiModelId: FieldReader.QueryInt(query, "ai_model", errors),
            OldestFirst: query["ordering"].ToString() == "created_at",
            Checksum: ParseChecksum(query["checksum"].ToString(), errors));
        errors.ThrowIfAny();
        var page = await mediator.Send(new ListAssetsQuery(http.UserId(), filter, Pagination.FromQuery(http.Request), scopeBoxId), http.RequestAborted);
        return Results.Ok(page.ToBody(http.Request));
    }

    private static AssetType? ParseAssetType(string text, FieldErrors errors)
    {
        if (text.Length == 0) return null;
        if (text.Equals("IMAGE", StringComparison.OrdinalIgnoreCase)) return AssetType.Image;
        if (text.Equals("VIDEO", StringComparison.OrdinalIgnoreCase)) return AssetType.Video;
        errors.Add("asset_type", $"Select a valid choice. {text} is not one of the available choices.");
        return null;
    }

    /// <summary>A SHA-256 as 64 hex digits, either case; compared in lower case, as stored.</summary>
    private static string? ParseChecksum(string text, FieldErrors errors)
    {
        if (text.Length == 0) return null;
        if (text.Length == 64 && text.All(char.IsAsciiHexDigit)) return text.ToLowerInvariant();
        errors.Add("checksum", "Enter a SHA-256 checksum: 64 hexadecimal digits.");
        return null;
    }

    private static bool? ParseBoolean(string text, FieldErrors errors)
    {
        if (text.Length == 0) return null;
        var value = FormValues.Boolean(text);
        if (value is null) errors.Add("is_favorite", Messages.InvalidBoolean);
        return value;
    }

    /// <summary>The multipart form, for the API documentation.</summary>
    public sealed record UploadRequest(IFormFile File, string? PromptText, bool? IsFavorite, int? AiModel, string? GenerationConfig, long? Seed);

    public sealed record AssetPatchRequest(string? PromptText, bool? IsFavorite, int? AiModel, Dictionary<string, object>? GenerationConfig, long? Seed, int? Box);
}
