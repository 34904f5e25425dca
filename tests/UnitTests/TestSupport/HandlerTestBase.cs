using AssetManager.Application.Common.Caching;
using AssetManager.Application.Common.Storage;
using AssetManager.Domain.Boxes;
using AssetManager.Infrastructure.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace AssetManager.UnitTests.TestSupport;

/// <summary>
/// What the handler tests share: a fresh in-memory SQLite database with two users (Alice and Bob, a project and a
/// box each), a fixed clock, a substitute object store and the memory of boxes uploads read.
/// </summary>
public abstract class HandlerTestBase : IAsyncLifetime, IDisposable
{
    protected readonly TestDb _db;
    protected readonly FixedClock _clock = new();
    protected readonly IObjectStorage _storage = Substitute.For<IObjectStorage>();
    protected readonly RecentBoxes _recentBoxes;
    protected World _w = null!;

    protected HandlerTestBase()
    {
        _recentBoxes = new RecentBoxes(_clock, RecentBoxes.DefaultLifetime);
        _db = new TestDb(_recentBoxes);
    }

    /// <summary>As an upload into the box would have left it.</summary>
    protected void RememberBox(Box box, int ownerId) => _recentBoxes.Remember(box.Id, new RecentBoxes.Box(ownerId, box.Name));

    protected bool IsBoxRemembered(Box box, int ownerId) => _recentBoxes.TryGetOwned(box.Id, ownerId, out _);

    /// <summary>The recorded deletions of this database, carried out on the substitute store.</summary>
    protected IObjectDeletions Deletions() =>
        new RecordedObjectDeletions(_db.NewContext(), _storage, NullLogger<RecordedObjectDeletions>.Instance);

    public virtual async Task InitializeAsync() => _w = await _db.AddTwoUsersAsync();
    public Task DisposeAsync() => Task.CompletedTask;
    public void Dispose() => _db.Dispose();
}
