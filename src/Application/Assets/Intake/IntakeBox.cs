namespace AssetManager.Application.Assets.Intake;

/// <summary>A box found to be the user's, with the name its assets show.</summary>
public sealed record IntakeBox(int UserId, int Id, string Name);
