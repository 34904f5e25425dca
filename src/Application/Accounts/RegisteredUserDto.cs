namespace AssetManager.Application.Accounts;

public sealed record RegisteredUserDto(int Id, string Username, string Email, string Token);
