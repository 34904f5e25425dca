namespace AssetManager.Application.Accounts;

public sealed record TokenDto(string Token);
