using System.Net;
using AssetManager.Application.Accounts;
using AssetManager.Application.Accounts.Commands.Logout;
using AssetManager.Application.Accounts.Commands.LogoutAll;
using AssetManager.Application.Accounts.Commands.ObtainToken;
using AssetManager.Application.Accounts.Commands.Register;
using AssetManager.Application.Accounts.Queries.AuthenticateToken;
using AssetManager.Application.Accounts.Queries.GetCurrentUser;
using AssetManager.Domain.Accounts;
using AssetManager.Domain.Common;
using AssetManager.UnitTests.TestSupport;
using Microsoft.EntityFrameworkCore;
using NSubstitute;

namespace AssetManager.UnitTests.Application.Accounts;

public sealed class AccountHandlerTests : IDisposable
{
    private readonly TestDb _db = new();
    private readonly FixedClock _clock = new();
    private readonly IIdentityService _identity = Substitute.For<IIdentityService>();
    private readonly ILoginThrottle _throttle = Substitute.For<ILoginThrottle>();
    private readonly RecentTokens _recent;

    public AccountHandlerTests() => _recent = new RecentTokens(_clock, RecentTokens.DefaultLifetime);

    public void Dispose() => _db.Dispose();

    private async Task<int?> Authenticate(string key) =>
        await new AuthenticateTokenHandler(_db.NewContext(), _recent).Handle(new AuthenticateTokenQuery(key), default);

    [Fact]
    public async Task Register_creates_the_user_and_a_token_stored_only_as_its_hash()
    {
        var id = await _db.AddUserAsync("alice"); // what the identity service would have created
        _identity.CreateUserAsync("alice", "s3cret-pass", "", Arg.Any<CancellationToken>())
            .Returns(new UserDto(id, "alice", ""));

        var dto = await new RegisterHandler(_identity, _db.NewContext(), _clock)
            .Handle(new RegisterCommand("alice", "s3cret-pass", null), default);

        Assert.Equal(id, dto.Id);
        Assert.Equal("alice", dto.Username);
        Assert.Equal("", dto.Email);
        Assert.Matches("^[0-9a-f]{40}$", dto.Token);
        await using var context = _db.NewContext();
        var stored = await context.AuthTokens.SingleAsync();
        Assert.Equal(TokenKeys.Hash(dto.Token), stored.KeyHash);
        Assert.NotEqual(dto.Token, stored.KeyHash);
        Assert.Equal(TestDb.Now, stored.CreatedAt);
        Assert.Equal(id, await Authenticate(dto.Token));
    }

    [Fact]
    public async Task Register_passes_identity_errors_through()
    {
        _identity.CreateUserAsync(default!, default!, default!, default)
            .ReturnsForAnyArgs<Task<UserDto>>(_ => throw new FieldValidationException("username", "A user with that username already exists."));

        var error = await Assert.ThrowsAsync<FieldValidationException>(() => new RegisterHandler(_identity, _db.NewContext(), _clock)
            .Handle(new RegisterCommand("alice", "pw", "a@example.com"), default).AsTask());

        Assert.Equal(["A user with that username already exists."], error.Errors["username"]);
        await using var context = _db.NewContext();
        Assert.False(await context.AuthTokens.AnyAsync());
    }

    [Fact]
    public async Task Bad_credentials_are_a_non_field_error()
    {
        _identity.CheckCredentialsAsync("alice", "wrong", Arg.Any<CancellationToken>()).Returns((int?)null);

        var error = await Assert.ThrowsAsync<FieldValidationException>(() => new ObtainTokenHandler(_identity, _throttle, _db.NewContext(), _clock)
            .Handle(new ObtainTokenCommand("alice", "wrong"), default).AsTask());

        Assert.Equal(["Unable to log in with provided credentials."], error.Errors["non_field_errors"]);
        Assert.Single(error.Errors);
    }

    [Fact]
    public async Task Good_credentials_give_a_new_working_token_each_time()
    {
        var id = await _db.AddUserAsync("alice");
        _identity.CheckCredentialsAsync("alice", "right", Arg.Any<CancellationToken>()).Returns(id);
        var handler = new ObtainTokenHandler(_identity, _throttle, _db.NewContext(), _clock);

        var first = await handler.Handle(new ObtainTokenCommand("alice", "right"), default);
        var second = await handler.Handle(new ObtainTokenCommand("alice", "right"), default);

        Assert.NotEqual(first.Token, second.Token);
        Assert.Equal(id, await Authenticate(first.Token));
        Assert.Equal(id, await Authenticate(second.Token));
    }

    [Fact]
    public async Task A_throttled_login_is_refused_before_its_password_is_checked()
    {
        var address = IPAddress.Parse("203.0.113.7");
        _throttle.CountInAdvance("alice", address).Returns(TimeSpan.FromSeconds(41.2));

        var error = await Assert.ThrowsAsync<ThrottledException>(() => new ObtainTokenHandler(_identity, _throttle, _db.NewContext(), _clock)
            .Handle(new ObtainTokenCommand("alice", "right", address), default).AsTask());

        Assert.Equal(42, error.WaitSeconds);
        Assert.Equal("Request was throttled. Expected available in 42 seconds.", error.Message);
        await _identity.DidNotReceiveWithAnyArgs().CheckCredentialsAsync(default!, default!, default);
        _throttle.DidNotReceiveWithAnyArgs().TakeBack(default!, default);
    }

    [Fact]
    public async Task A_throttled_login_waits_for_the_accounts_lockout_when_that_ends_later()
    {
        _throttle.CountInAdvance("alice", null).Returns(TimeSpan.FromSeconds(30));
        _identity.LockedOutForAsync("alice", Arg.Any<CancellationToken>()).Returns(TimeSpan.FromSeconds(44.5));

        var error = await Assert.ThrowsAsync<ThrottledException>(() => new ObtainTokenHandler(_identity, _throttle, _db.NewContext(), _clock)
            .Handle(new ObtainTokenCommand("alice", "right"), default).AsTask());

        Assert.Equal(45, error.WaitSeconds);
        await _identity.DidNotReceiveWithAnyArgs().CheckCredentialsAsync(default!, default!, default);
    }

    [Fact]
    public async Task A_failed_login_stays_counted_and_a_good_one_is_taken_back()
    {
        var id = await _db.AddUserAsync("alice");
        var address = IPAddress.Parse("203.0.113.7");
        _identity.CheckCredentialsAsync("alice", "wrong", Arg.Any<CancellationToken>()).Returns((int?)null);
        _identity.CheckCredentialsAsync("alice", "right", Arg.Any<CancellationToken>()).Returns(id);
        var handler = new ObtainTokenHandler(_identity, _throttle, _db.NewContext(), _clock);

        await Assert.ThrowsAsync<FieldValidationException>(() => handler.Handle(new ObtainTokenCommand("alice", "wrong", address), default).AsTask());
        _throttle.Received(1).CountInAdvance("alice", address);
        _throttle.DidNotReceiveWithAnyArgs().TakeBack(default!, default);

        await handler.Handle(new ObtainTokenCommand("alice", "right", address), default);
        _throttle.Received(2).CountInAdvance("alice", address);
        _throttle.Received(1).TakeBack("alice", address);
    }

    [Fact]
    public async Task A_login_refused_by_the_accounts_lockout_is_taken_back_too()
    {
        _identity.CheckCredentialsAsync("alice", "right", Arg.Any<CancellationToken>())
            .Returns<Task<int?>>(_ => throw new ThrottledException(TimeSpan.FromMinutes(3)));

        var error = await Assert.ThrowsAsync<ThrottledException>(() => new ObtainTokenHandler(_identity, _throttle, _db.NewContext(), _clock)
            .Handle(new ObtainTokenCommand("alice", "right"), default).AsTask());

        Assert.Equal(180, error.WaitSeconds);
        _throttle.Received(1).TakeBack("alice", null);
    }

    [Theory]
    [InlineData(0.2, 1, "Request was throttled. Expected available in 1 second.")]
    [InlineData(1.0, 1, "Request was throttled. Expected available in 1 second.")]
    [InlineData(1.01, 2, "Request was throttled. Expected available in 2 seconds.")]
    [InlineData(900, 900, "Request was throttled. Expected available in 900 seconds.")]
    public void The_wait_is_rounded_up_to_whole_seconds_in_drfs_words(double seconds, int expected, string message)
    {
        var error = new ThrottledException(TimeSpan.FromSeconds(seconds));

        Assert.Equal(expected, error.WaitSeconds);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0000000000000000000000000000000000000000")]
    public async Task Unknown_token_authenticates_nobody(string key)
    {
        Assert.Null(await Authenticate(key));
    }

    [Fact]
    public async Task Logout_revokes_only_the_presented_token()
    {
        var id = await _db.AddUserAsync("alice");
        var kept = await _db.NewContext().IssueAsync(id, TestDb.Now, default);
        var revoked = await _db.NewContext().IssueAsync(id, TestDb.Now, default);
        Assert.Equal(id, await Authenticate(revoked)); // remembered as valid before the logout

        await new LogoutHandler(_db.NewContext(), _recent).Handle(new LogoutCommand(revoked), default);

        Assert.Null(await Authenticate(revoked));
        Assert.Equal(id, await Authenticate(kept));
        Assert.Equal(0, await _db.NewContext().AuthTokens.CountAsync(t => t.KeyHash == TokenKeys.Hash(revoked)));
    }

    [Fact]
    public async Task A_logout_whose_token_another_logout_deleted_first_still_succeeds()
    {
        var id = await _db.AddUserAsync("alice");
        var key = await _db.NewContext().IssueAsync(id, TestDb.Now, default);
        // what SaveChanges says when the row it read was deleted before its own delete ran (a double-clicked logout)
        var raced = new FailingSaveDb(_db.NewContext(), new DbUpdateConcurrencyException("expected 1 row, 0 affected"));

        await new LogoutHandler(raced, _recent).Handle(new LogoutCommand(key), default);

        Assert.Equal(1, raced.SaveAttempts);
        var broken = new FailingSaveDb(_db.NewContext(), new InvalidOperationException("database gone"));
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => new LogoutHandler(broken, _recent).Handle(new LogoutCommand(key), default).AsTask());
    }

    [Fact]
    public async Task Logout_all_revokes_every_token_of_the_user_remembered_or_not_and_no_one_elses()
    {
        var alice = await _db.AddUserAsync("alice");
        var bob = await _db.AddUserAsync("bob");
        var remembered = await _db.NewContext().IssueAsync(alice, TestDb.Now, default);
        var notYetUsed = await _db.NewContext().IssueAsync(alice, TestDb.Now, default);
        var bobs = await _db.NewContext().IssueAsync(bob, TestDb.Now, default);
        Assert.Equal(alice, await Authenticate(remembered));
        Assert.Equal(bob, await Authenticate(bobs));

        await new LogoutAllHandler(_db.NewContext(), _recent).Handle(new LogoutAllCommand(alice), default);

        Assert.Null(await Authenticate(remembered));
        Assert.Null(await Authenticate(notYetUsed));
        Assert.Equal(bob, await Authenticate(bobs));
        Assert.Equal(0, await _db.NewContext().AuthTokens.CountAsync(t => t.UserId == alice));
        Assert.Equal(1, await _db.NewContext().AuthTokens.CountAsync(t => t.UserId == bob));
    }

    [Fact]
    public async Task Logout_all_racing_a_logout_of_one_of_the_tokens_still_deletes_the_others()
    {
        var alice = await _db.AddUserAsync("alice");
        var first = await _db.NewContext().IssueAsync(alice, TestDb.Now, default);
        await _db.NewContext().IssueAsync(alice, TestDb.Now, default);
        await _db.NewContext().IssueAsync(alice, TestDb.Now, default);
        // the single logout deletes its row after logout-all read the rows and before it saves
        var raced = new SaveInterceptingDb(_db.NewContext(), () =>
            _db.NewContext().AuthTokens.Where(t => t.KeyHash == TokenKeys.Hash(first)).ExecuteDeleteAsync());

        await new LogoutAllHandler(raced, _recent).Handle(new LogoutAllCommand(alice), default);

        Assert.True(raced.SaveAttempts >= 2);
        Assert.Equal(0, await _db.NewContext().AuthTokens.CountAsync(t => t.UserId == alice));
    }

    [Fact]
    public async Task A_wrong_key_is_not_remembered_as_wrong()
    {
        var id = await _db.AddUserAsync("alice");
        const string key = "1111111111111111111111111111111111111111";
        Assert.Null(await Authenticate(key));

        var db = _db.NewContext();
        db.AuthTokens.Add(new AuthToken(id, TokenKeys.Hash(key), TestDb.Now));
        await db.SaveChangesAsync();

        Assert.Equal(id, await Authenticate(key));
    }

    [Fact]
    public async Task A_token_found_valid_is_not_looked_up_again_within_the_remembered_lifetime()
    {
        var id = await _db.AddUserAsync("alice");
        var key = await _db.NewContext().IssueAsync(id, TestDb.Now, default);
        Assert.Equal(id, await Authenticate(key));

        // revoked in the database behind this process's back, as another instance's logout would
        await _db.NewContext().AuthTokens.Where(t => t.KeyHash == TokenKeys.Hash(key)).ExecuteDeleteAsync();

        _clock.Now += RecentTokens.DefaultLifetime - TimeSpan.FromSeconds(1);
        Assert.Equal(id, await Authenticate(key));
        _clock.Now += TimeSpan.FromSeconds(1);
        Assert.Null(await Authenticate(key));
    }

    [Fact]
    public async Task Current_user_that_is_gone_is_404()
    {
        _identity.FindAsync(5, Arg.Any<CancellationToken>()).Returns((UserDto?)null);
        await Assert.ThrowsAsync<NotFoundException>(() =>
            new GetCurrentUserHandler(_identity).Handle(new GetCurrentUserQuery(5), default).AsTask());
    }

    [Fact]
    public async Task Current_user()
    {
        _identity.FindAsync(5, Arg.Any<CancellationToken>()).Returns(new UserDto(5, "alice", "a@example.com"));
        var dto = await new GetCurrentUserHandler(_identity).Handle(new GetCurrentUserQuery(5), default);
        Assert.Equal(new UserDto(5, "alice", "a@example.com"), dto);
    }
}
