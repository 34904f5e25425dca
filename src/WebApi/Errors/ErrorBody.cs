namespace AssetManager.WebApi.Errors;

/// <summary>The contract's two error shapes besides field errors.</summary>
public sealed record DetailBody(string Detail);

public sealed record ErrorBody(string Error);
