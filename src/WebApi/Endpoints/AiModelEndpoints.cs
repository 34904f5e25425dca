using AssetManager.Application.AiModels;
using AssetManager.Application.AiModels.Queries.GetAiModel;
using AssetManager.Application.AiModels.Queries.ListAiModels;
using AssetManager.WebApi.Http;
using Mediator;

namespace AssetManager.WebApi.Endpoints;

/// <summary>Section 3: the read-only catalogue of generators.</summary>
public static class AiModelEndpoints
{
    public static void MapAiModelEndpoints(this IEndpointRouteBuilder api)
    {
        var models = api.MapGroup("/ai-models").WithTags("AI models");

        models.MapGet("/", async (HttpContext http, IMediator mediator) =>
                Results.Ok((await mediator.Send(new ListAiModelsQuery(Pagination.FromQuery(http.Request)), http.RequestAborted)).ToBody(http.Request)))
            .Produces<Paginated<AiModelDto>>().ProducesNotFound()
            .WithSummary("The AI model catalogue");

        models.MapGet("/{id:int}/", async (int id, HttpContext http, IMediator mediator) =>
                Results.Ok(await mediator.Send(new GetAiModelQuery(id), http.RequestAborted)))
            .Produces<AiModelDto>().ProducesNotFound()
            .WithSummary("One AI model");
    }
}
