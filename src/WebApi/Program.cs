using AssetManager.Application.Accounts;
using AssetManager.Application.Assets.Commands.UploadAsset;
using AssetManager.Application.Common.Behaviors;
using AssetManager.Application.Common.Memory;
using AssetManager.Application.Common.Mapping;
using AssetManager.Application.Common.Persistence;
using AssetManager.Infrastructure;
using AssetManager.Infrastructure.Persistence;
using AssetManager.Infrastructure.Storage;
using AssetManager.WebApi.Auth;
using AssetManager.WebApi.Endpoints;
using AssetManager.WebApi.Errors;
using AssetManager.WebApi.Hosting;
using AssetManager.WebApi.Http;
using AssetManager.WebApi.Media;
using AssetManager.WebApi.OpenApi;
using FluentValidation;
using Mapster;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Connections;
using Scalar.AspNetCore;
using System.Text.Json;
using System.Text.Json.Serialization;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddMediator(options =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.Assemblies = [typeof(IAppDbContext)];
    options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>)];
});
builder.Services.AddValidatorsFromAssemblyContaining<IAppDbContext>(includeInternalTypes: true);
MappingConfig.Register(TypeAdapterConfig.GlobalSettings);
builder.Services.AddSingleton(sp => new RecentTokens(
    sp.GetRequiredService<TimeProvider>(), MemorySettings.TokenLifetime(builder.Configuration)));
builder.Services.AddSingleton(sp => new RecentBoxes(
    sp.GetRequiredService<TimeProvider>(), MemorySettings.BoxLifetime(builder.Configuration)));
builder.Services.AddSingleton(new UploadLimits(UploadSettings.MaxFileBytes(builder.Configuration)));
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
builder.AddConnectionLimits();
builder.Services.AddBodyLimits();

builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
    options.SerializerOptions.DictionaryKeyPolicy = null;
    options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
    options.SerializerOptions.Converters.Add(new UtcDateTimeJsonConverter());
});
builder.Services.AddAuthentication(TokenAuthenticationHandler.SchemeName)
    .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
builder.Services.AddAuthorization();
builder.Services.AddApiCors(builder.Configuration);
builder.Services.AddExceptionHandler<ExceptionMapper>();
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi(options => options.AddDocumentTransformer<ApiDocumentTransformer>());

// Kestrel receives into one memory-pool block at a time: 64 KiB blocks instead of its 4 KiB ones (ReceiveBufferPool).
builder.Services.AddSingleton<IMemoryPoolFactory<byte>, ReceiveBufferPool.Factory>();

var app = builder.Build();

await app.Services.InitializeDatabaseAsync();
if (app.Services.GetService<S3ObjectStorage>() is { } s3) await s3.EnsureBucketAsync(CancellationToken.None);

app.UseExceptionHandler();
app.UseStatusCodePages(StatusCodeBodies.WriteAsync);
app.UseApiTrailingSlash();
app.UseMediaFiles();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseRouting();
app.UseCors();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
app.MapScalarApiReference("/scalar", options => options.WithTitle("AssetManager API")).AllowAnonymous();
app.MapHealthEndpoints();
app.MapGet("/", () => Results.Redirect("/app/")).ExcludeFromDescription();

var api = app.MapGroup("/api").RequireAuthorization();
api.MapAccountEndpoints();
api.MapProjectEndpoints();
api.MapBoxEndpoints();
api.MapAiModelEndpoints();
api.MapAssetEndpoints();

app.Run();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
