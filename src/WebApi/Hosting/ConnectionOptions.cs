namespace AssetManager.WebApi.Hosting;

/// <summary>
/// How the connection limit is found (<see cref="ConnectionLimits"/>); settings <c>Connections:*</c>. The limits
/// themselves are Kestrel's own settings, <c>Kestrel:Limits:MaxConcurrentConnections</c> and the others.
/// </summary>
public sealed class ConnectionOptions
{
    public const string SectionName = "Connections";

    /// <summary>Raise the soft open-file limit to the hard one at start (<see cref="OpenFileLimit.RaiseSoftToHard"/>).</summary>
    public bool RaiseOpenFileLimit { get; set; } = true;

    /// <summary>
    /// Descriptors kept for the process itself, never given to connections: about 320 are open once the service has
    /// started (two per loaded assembly, the database, logs, pipes), the rest is room for what requests open.
    /// </summary>
    public int ReservedFileDescriptors { get; set; } = 512;
}
