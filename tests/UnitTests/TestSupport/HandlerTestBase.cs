using AssetManager.Application.Common.Storage;
using NSubstitute;

namespace AssetManager.UnitTests.TestSupport;

/// <summary>
/// What the handler tests share: a fresh in-memory SQLite database with two users (Alice and Bob, a project and a
/// box each), a fixed clock and a substitute object store.
/// </summary>
public abstract class HandlerTestBase : IAsyncLifetime, IDisposable
{
    protected readonly TestDb _db = new();
    protected readonly FixedClock _clock = new();
    protected readonly IObjectStorage _storage = Substitute.For<IObjectStorage>();
    protected World _w = null!;

    public virtual async Task InitializeAsync() => _w = await _db.AddTwoUsersAsync();
    public Task DisposeAsync() => Task.CompletedTask;
    public void Dispose() => _db.Dispose();
}
