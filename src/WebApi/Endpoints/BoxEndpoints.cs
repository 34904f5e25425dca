using AssetManager.Application.Boxes;
using AssetManager.Application.Boxes.Commands.CreateBox;
using AssetManager.Application.Boxes.Commands.DeleteBox;
using AssetManager.Application.Boxes.Commands.UpdateBox;
using AssetManager.Application.Boxes.Queries.GetBox;
using AssetManager.Application.Boxes.Queries.ListBoxes;
using AssetManager.Domain.Common;
using AssetManager.WebApi.Auth;
using AssetManager.WebApi.Http;
using AssetManager.WebApi.OpenApi;
using Mediator;

namespace AssetManager.WebApi.Endpoints;

/// <summary>Section 3: boxes (scenes) of the caller's projects.</summary>
public static class BoxEndpoints
{
    public static void MapBoxEndpoints(this IEndpointRouteBuilder api)
    {
        var boxes = api.MapGroup("/boxes").WithTags("Boxes");

        boxes.MapGet("/", async (HttpContext http, IMediator mediator) =>
            {
                var errors = new FieldErrors();
                var project = FieldReader.QueryInt(http.Request.Query, "project", errors);
                errors.ThrowIfAny();
                var query = new ListBoxesQuery(http.UserId(), project, Pagination.FromQuery(http.Request));
                return Results.Ok((await mediator.Send(query, http.RequestAborted)).ToBody(http.Request));
            })
            .Produces<Paginated<BoxDto>>().ProducesNotFound()
            .WithSummary("List your boxes; ?project=ID keeps one project's");

        boxes.MapPost("/", async (HttpContext http, IMediator mediator) =>
            {
                var fields = new FieldReader(await RequestBody.ReadAsync(http.Request, http.RequestAborted));
                var command = new CreateBoxCommand(http.UserId(), fields.Pk("project"), fields.String("name"), fields.String("description"));
                fields.ThrowIfErrors();
                var box = await mediator.Send(command, http.RequestAborted);
                return Results.Created($"/api/boxes/{box.Id}/", box);
            })
            .DocumentsBody<BoxRequest>("application/json")
            .Produces<BoxDto>(StatusCodes.Status201Created).ProducesFieldErrors().ProducesAuthErrors()
            .WithSummary("Create a box in one of your projects");

        boxes.MapGet("/{id:int}/", async (int id, HttpContext http, IMediator mediator) =>
                Results.Ok(await mediator.Send(new GetBoxQuery(http.UserId(), id), http.RequestAborted)))
            .Produces<BoxDto>().ProducesNotFound()
            .WithSummary("One of your boxes");

        boxes.MapPut("/{id:int}/", (int id, HttpContext http, IMediator mediator) => Update(id, http, mediator, partial: false))
            .DocumentsBody<BoxRequest>("application/json")
            .Produces<BoxDto>().ProducesFieldErrors().ProducesNotFound()
            .WithSummary("Replace a box's project, name and description");

        boxes.MapPatch("/{id:int}/", (int id, HttpContext http, IMediator mediator) => Update(id, http, mediator, partial: true))
            .DocumentsBody<BoxRequest>("application/json")
            .Produces<BoxDto>().ProducesFieldErrors().ProducesNotFound()
            .WithSummary("Change some of a box's fields");

        boxes.MapDelete("/{id:int}/", async (int id, HttpContext http, IMediator mediator) =>
            {
                await mediator.Send(new DeleteBoxCommand(http.UserId(), id), http.RequestAborted);
                return Results.NoContent();
            })
            .Produces(StatusCodes.Status204NoContent).ProducesNotFound()
            .WithSummary("Delete a box with its assets and their stored files");
    }

    private static async Task<IResult> Update(int id, HttpContext http, IMediator mediator, bool partial)
    {
        // As DRF's get_object(): someone else's or a missing one is a 404 before the body is read or validated.
        await mediator.Send(new GetBoxQuery(http.UserId(), id), http.RequestAborted);
        var fields = new FieldReader(await RequestBody.ReadAsync(http.Request, http.RequestAborted));
        var command = new UpdateBoxCommand(http.UserId(), id, fields.Pk("project"), fields.String("name"), fields.String("description"), partial);
        fields.ThrowIfErrors();
        return Results.Ok(await mediator.Send(command, http.RequestAborted));
    }

    public sealed record BoxRequest(int Project, string Name, string? Description);
}
