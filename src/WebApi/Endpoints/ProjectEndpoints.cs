using AssetManager.Application.Projects;
using AssetManager.Application.Projects.Commands.CreateProject;
using AssetManager.Application.Projects.Commands.DeleteProject;
using AssetManager.Application.Projects.Commands.UpdateProject;
using AssetManager.Application.Projects.Queries.GetProject;
using AssetManager.Application.Projects.Queries.ListProjects;
using AssetManager.WebApi.Auth;
using AssetManager.WebApi.Http;
using AssetManager.WebApi.OpenApi;
using Mediator;

namespace AssetManager.WebApi.Endpoints;

/// <summary>Section 3: the caller's projects.</summary>
public static class ProjectEndpoints
{
    public static void MapProjectEndpoints(this IEndpointRouteBuilder api)
    {
        var projects = api.MapGroup("/projects").WithTags("Projects");

        projects.MapGet("/", async (HttpContext http, IMediator mediator) =>
            {
                var page = await mediator.Send(new ListProjectsQuery(http.UserId(), Pagination.FromQuery(http.Request)), http.RequestAborted);
                return Results.Ok(page.ToBody(http.Request));
            })
            .Produces<Paginated<ProjectDto>>().ProducesNotFound()
            .WithSummary("List your projects, newest first");

        projects.MapPost("/", async (HttpContext http, IMediator mediator) =>
            {
                var fields = new FieldReader(await RequestBody.ReadAsync(http.Request, http.RequestAborted));
                var command = new CreateProjectCommand(http.UserId(), fields.String("name"), fields.String("description"));
                fields.ThrowIfErrors();
                var project = await mediator.Send(command, http.RequestAborted);
                return Results.Created($"/api/projects/{project.Id}/", project);
            })
            .DocumentsBody<ProjectRequest>("application/json")
            .Produces<ProjectDto>(StatusCodes.Status201Created).ProducesFieldErrors().ProducesAuthErrors()
            .WithSummary("Create a project");

        projects.MapGet("/{id:int}/", async (int id, HttpContext http, IMediator mediator) =>
                Results.Ok(await mediator.Send(new GetProjectQuery(http.UserId(), id), http.RequestAborted)))
            .Produces<ProjectDto>().ProducesNotFound()
            .WithSummary("One of your projects");

        projects.MapPut("/{id:int}/", (int id, HttpContext http, IMediator mediator) => Update(id, http, mediator, partial: false))
            .DocumentsBody<ProjectRequest>("application/json")
            .Produces<ProjectDto>().ProducesFieldErrors().ProducesNotFound()
            .WithSummary("Replace a project's name and description");

        projects.MapPatch("/{id:int}/", (int id, HttpContext http, IMediator mediator) => Update(id, http, mediator, partial: true))
            .DocumentsBody<ProjectRequest>("application/json")
            .Produces<ProjectDto>().ProducesFieldErrors().ProducesNotFound()
            .WithSummary("Change some of a project's fields");

        projects.MapDelete("/{id:int}/", async (int id, HttpContext http, IMediator mediator) =>
            {
                await mediator.Send(new DeleteProjectCommand(http.UserId(), id), http.RequestAborted);
                return Results.NoContent();
            })
            .Produces(StatusCodes.Status204NoContent).ProducesNotFound()
            .WithSummary("Delete a project with its boxes, assets and their stored files");
    }

    private static async Task<IResult> Update(int id, HttpContext http, IMediator mediator, bool partial)
    {
        // As DRF's get_object(): someone else's or a missing one is a 404 before the body is read or validated.
        await mediator.Send(new GetProjectQuery(http.UserId(), id), http.RequestAborted);
        var fields = new FieldReader(await RequestBody.ReadAsync(http.Request, http.RequestAborted));
        var command = new UpdateProjectCommand(http.UserId(), id, fields.String("name"), fields.String("description"), partial);
        fields.ThrowIfErrors();
        return Results.Ok(await mediator.Send(command, http.RequestAborted));
    }

    public sealed record ProjectRequest(string Name, string? Description);
}
