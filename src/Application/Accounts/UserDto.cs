namespace AssetManager.Application.Accounts;

public sealed record UserDto(int Id, string Username, string Email);
