using AssetManager.Application.Accounts;
using AssetManager.Domain.Common;
using AssetManager.Infrastructure.Identity;
using AssetManager.UnitTests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AssetManager.UnitTests.Infrastructure;

/// <summary>Logins through Identity: what an unknown username costs, and the account lockout.</summary>
public sealed class IdentityServiceTests : IDisposable
{
    private const string Password = "Acc-Ufz_kxJqrTzqWcaYQ";
    private readonly TestDb _db = new();
    private readonly CountingHasher _hasher = new();
    private readonly IdentityServices _identity;

    public IdentityServiceTests() => _identity = new IdentityServices(_db, services =>
    {
        services.Replace(ServiceDescriptor.Singleton<IPasswordHasher<ApplicationUser>>(_hasher));
        services.Configure<LoginThrottleOptions>(o => (o.FailuresPerUsername, o.WindowSeconds) = (3, 600));
    });

    public void Dispose()
    {
        _identity.Dispose();
        _db.Dispose();
    }

    private async Task<int?> LoginAsync(string username, string password)
    {
        await using var scope = _identity.NewScope();
        return await scope.ServiceProvider.GetRequiredService<IIdentityService>().CheckCredentialsAsync(username, password, default);
    }

    private async Task<int> RegisterAsync(string username)
    {
        await using var scope = _identity.NewScope();
        return (await scope.ServiceProvider.GetRequiredService<IIdentityService>().CreateUserAsync(username, Password, "", default)).Id;
    }

    private async Task<(int Failures, DateTimeOffset? LockoutEnd)> AccountAsync(int id)
    {
        await using var context = _db.NewContext();
        var user = await context.Users.AsNoTracking().SingleAsync(u => u.Id == id);
        return (user.AccessFailedCount, user.LockoutEnd);
    }

    [Fact]
    public async Task An_unknown_username_costs_a_password_check_as_a_wrong_password_does()
    {
        await RegisterAsync("alice");
        _hasher.Verified.Clear();

        Assert.Null(await LoginAsync("nobody", "a guess"));
        Assert.Null(await LoginAsync("alice", "a guess"));

        Assert.Equal(2, _hasher.Verified.Count);
        Assert.Equal(UnknownUser.DummyHash, _hasher.Verified[0]);
        Assert.NotEqual(UnknownUser.DummyHash, _hasher.Verified[1]);
    }

    [Fact]
    public void The_dummy_hash_costs_what_a_fresh_hash_costs()
    {
        var hasher = new PasswordHasher<ApplicationUser>();
        var fresh = Convert.FromBase64String(hasher.HashPassword(new ApplicationUser(), "anything"));
        var dummy = Convert.FromBase64String(UnknownUser.DummyHash);

        // format marker, PRF, iteration count and salt length: the same work to verify
        Assert.Equal(fresh[..13], dummy[..13]);
        Assert.Equal(fresh.Length, dummy.Length);
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(new ApplicationUser(), UnknownUser.DummyHash, "anything"));
    }

    [Fact]
    public async Task After_the_limit_of_wrong_passwords_the_account_is_locked_for_the_window_without_checking_the_password()
    {
        var id = await RegisterAsync("alice");
        for (var i = 0; i < 3; i++) Assert.Null(await LoginAsync("alice", "guess" + i));
        _hasher.Verified.Clear();

        var locked = await Assert.ThrowsAsync<ThrottledException>(() => LoginAsync("ALICE", Password));

        Assert.InRange(locked.WaitSeconds, 590, 600);
        Assert.Empty(_hasher.Verified);
        var (failures, lockoutEnd) = await AccountAsync(id);
        Assert.Equal(0, failures); // Identity starts counting again once it locks
        Assert.InRange(lockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(590), TimeSpan.FromSeconds(600));
    }

    [Fact]
    public async Task A_good_password_clears_the_count()
    {
        var id = await RegisterAsync("alice");
        for (var i = 0; i < 2; i++) Assert.Null(await LoginAsync("alice", "guess" + i));
        Assert.Equal(2, (await AccountAsync(id)).Failures);

        Assert.Equal(id, await LoginAsync("alice", Password));
        Assert.Equal(0, (await AccountAsync(id)).Failures);

        for (var i = 0; i < 2; i++) Assert.Null(await LoginAsync("alice", "guess" + i));
        Assert.Equal(id, await LoginAsync("alice", Password));
    }

    [Fact]
    public async Task A_lockout_written_by_another_instance_holds_here()
    {
        var id = await RegisterAsync("alice");
        await using (var context = _db.NewContext())
            await context.Users.Where(u => u.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, DateTimeOffset.UtcNow.AddMinutes(4)));

        var locked = await Assert.ThrowsAsync<ThrottledException>(() => LoginAsync("alice", Password));

        Assert.InRange(locked.WaitSeconds, 230, 240);
    }

    /// <summary>Identity's hasher, noting the hash of every verification.</summary>
    private sealed class CountingHasher : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> _real = new(Options.Create(new PasswordHasherOptions { IterationCount = 1_000 }));

        public List<string> Verified { get; } = [];

        public string HashPassword(ApplicationUser user, string password) => _real.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            lock (Verified) Verified.Add(hashedPassword);
            return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
