using AssetManager.Application;
using AssetManager.Infrastructure;
using AssetManager.Infrastructure.Persistence;
using AssetManager.Infrastructure.Storage;
using AssetManager.WebApi;
using AssetManager.WebApi.CommandLine;
using AssetManager.WebApi.Configuration;
using AssetManager.WebApi.Hosting;
using AssetManager.WebApi.Http;
using Microsoft.Extensions.Options;

// The composition root: each layer registers itself; WebApi touches Infrastructure only here.
MallocTuning.Apply(); // before the threads that would each take an arena of their own
try
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.Configuration.AddOriginalSettingNames();
    builder.Services
        .AddApplication()
        .AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath)
        .AddWebApi();

    var app = builder.Build();
    app.Services.GetRequiredService<IStartupValidator>().Validate(); // a bad setting stops here, before anything starts
    if (MigrateVerb.IsGiven(args)) return await MigrateVerb.RunAsync(app.Services.MigrateDatabaseAsync);
    app.UseConfiguredForwardedHeaders(); // first: every later step sees the client's address
    app.UseContractErrors();
    app.UseMediaFiles();
    app.UseWebApi();
    await app.Services.PrepareInfrastructureAsync();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (SettingsErrors.IsSettingsError(ex))
{
    Console.Error.WriteLine(SettingsErrors.Describe(ex));
    return 1;
}

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
