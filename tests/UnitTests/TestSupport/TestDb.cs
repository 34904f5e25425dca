using AssetManager.Application.Common.Caching;
using AssetManager.Application.Common.Mapping;
using AssetManager.Domain.Assets;
using AssetManager.Domain.Boxes;
using AssetManager.Domain.Projects;
using AssetManager.Infrastructure.Identity;
using AssetManager.Infrastructure.Persistence;
using Mapster;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AssetManager.UnitTests.TestSupport;

/// <summary>
/// A real <see cref="SqliteAppDbContext"/> on a private in-memory SQLite database (foreign keys on, the seeded
/// AI model catalogue in it). Seed through <see cref="Seed"/>, hand a fresh <see cref="NewContext"/> to the
/// code under test, and look at the result through yet another one.
/// </summary>
public sealed class TestDb : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly RecentBoxes? _recentBoxes;

    static TestDb() => MappingConfig.Register(TypeAdapterConfig.GlobalSettings);

    // The schema (and the seeded catalogue) is created once; each test database is a copy of it, which is much
    // cheaper than migrating every time.
    private static readonly Lazy<SqliteConnection> Template = new(() =>
    {
        var template = new SqliteConnection("Data Source=:memory:");
        template.Open();
        using var context = new SqliteAppDbContext(
            new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(template).Options);
        context.Database.Migrate(); // the migrations, not EnsureCreated: they also create the deletion trigger
        return template;
    });

    /// <param name="recentBoxes">When given, every context revokes the boxes it changes from it, as the service's do.</param>
    public TestDb(RecentBoxes? recentBoxes = null)
    {
        _recentBoxes = recentBoxes;
        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
        lock (Template) Template.Value.BackupDatabase(_connection);
        Seed = NewContext();
    }

    /// <summary>The context the tests arrange data with.</summary>
    public SqliteAppDbContext Seed { get; }

    public SqliteAppDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(_connection);
        if (_recentBoxes is not null) options.AddInterceptors(new BoxCacheInvalidation(_recentBoxes));
        return new SqliteAppDbContext(options.Options);
    }

    public static DateTime Now => FixedClock.Default.UtcDateTime;

    public async Task<int> AddUserAsync(string username)
    {
        var user = new ApplicationUser { UserName = username, NormalizedUserName = username.ToUpperInvariant() };
        Seed.Users.Add(user);
        await Seed.SaveChangesAsync();
        return user.Id;
    }

    public async Task<Project> AddProjectAsync(int ownerId, string name = "Project")
    {
        var project = Project.Create(ownerId, name, "", Now);
        Seed.Projects.Add(project);
        await Seed.SaveChangesAsync();
        return project;
    }

    public async Task<Box> AddBoxAsync(int projectId, string name = "Scene 1")
    {
        var box = Box.Create(projectId, name, "", Now);
        Seed.Boxes.Add(box);
        await Seed.SaveChangesAsync();
        return box;
    }

    public async Task<Asset> AddAssetAsync(Box box, string key, AssetType type = AssetType.Image)
    {
        var asset = Asset.Create(box.Id, type, new StoredFile(key, "https://bucket.example.com/" + key),
            AssetMetadata.Default, null, Now);
        Seed.Assets.Add(asset);
        await Seed.SaveChangesAsync();
        return asset;
    }

    /// <summary>A user with a project and a box, and a second user with the same.</summary>
    public async Task<World> AddTwoUsersAsync()
    {
        var alice = await AddUserAsync("alice");
        var aliceProject = await AddProjectAsync(alice, "Alice's");
        var aliceBox = await AddBoxAsync(aliceProject.Id, "Scene 1");
        var bob = await AddUserAsync("bob");
        var bobProject = await AddProjectAsync(bob, "Bob's");
        var bobBox = await AddBoxAsync(bobProject.Id, "Bob's scene");
        return new World(alice, aliceProject, aliceBox, bob, bobProject, bobBox);
    }

    public void Dispose()
    {
        Seed.Dispose();
        _connection.Dispose();
    }
}

public sealed record World(int Alice, Project AliceProject, Box AliceBox, int Bob, Project BobProject, Box BobBox);
