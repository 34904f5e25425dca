namespace AssetManager.WebApi.Configuration;

/// <summary>A setting whose value cannot be used, found while reading it; the message names the setting, never its value.</summary>
public sealed class InvalidSettingException(string message) : Exception(message);
