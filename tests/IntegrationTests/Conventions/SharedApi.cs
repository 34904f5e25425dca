using AssetManager.Infrastructure.Persistence;
using AssetManager.IntegrationTests.Fixtures;

namespace AssetManager.IntegrationTests.Conventions;

/// <summary>
/// One <see cref="ApiFactory"/> per test class (xunit cannot build <see cref="ApiFactory"/> itself as a class fixture:
/// its constructor's optional argument is not resolvable), plus users shared by the class's tests. Registering
/// costs a password hash, so tests that do not count what a user owns share one instead of registering their own.
/// The service runs on SQLite; <see cref="SharedApiOnPostgreSql"/> runs it on PostgreSQL.
/// </summary>
public class SharedApi : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, ApiClient> _users = [];

    public SharedApi() : this(DatabaseProvider.Sqlite) { }

    protected SharedApi(DatabaseProvider database) => Factory = new ApiFactory(database: database);

    public ApiFactory Factory { get; }

    /// <summary>A user registered once for this class under <paramref name="role"/>; do not assert on its list counts.</summary>
    public async Task<ApiClient> UserAsync(string role = "user")
    {
        await _gate.WaitAsync();
        try
        {
            if (!_users.TryGetValue(role, out var user))
                _users[role] = user = await ApiClient.RegisterAsync(Factory);
            return user;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        Factory.Dispose();
        _gate.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same on a PostgreSQL database of its own, for the classes that prove persistence on both providers.</summary>
public sealed class SharedApiOnPostgreSql() : SharedApi(DatabaseProvider.PostgreSql);
