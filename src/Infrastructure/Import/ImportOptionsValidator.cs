using Microsoft.Extensions.Options;

namespace AssetManager.Infrastructure.Import;

/// <summary>Refuses to start with an allowed network that cannot be read, naming it.</summary>
internal sealed class ImportOptionsValidator : IValidateOptions<ImportOptions>
{
    public ValidateOptionsResult Validate(string? name, ImportOptions options)
    {
        var bad = options.AllowedNetworkEntries().Where(e => ImportOptions.ParseNetwork(e) is null).ToList();
        return bad.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Import:AllowedNetworks (IMPORT_ALLOWED_NETWORKS): '{string.Join("', '", bad)}' is not an address or a CIDR range such as 10.0.0.0/8.");
    }
}
