using Microsoft.Extensions.Options;

namespace AssetManager.Infrastructure.Storage;

/// <summary>Refuses to start with S3 settings that could only fail later, naming the setting.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private static readonly string[] AddressingStyles = ["virtual", "path", "auto"];

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var errors = new List<string>();
        if (options.PartSizeBytes is < StorageOptions.MinPartSizeBytes or > StorageOptions.MaxPartSizeBytes)
            errors.Add("Storage:PartSizeBytes must be between 5 MiB (S3's smallest part) and 512 MiB.");
        if (options.MaxConcurrentParts is < 1 or > 64)
            errors.Add("Storage:MaxConcurrentParts must be between 1 and 64.");
        if (options.AbortIncompleteUploadsAfterDays is < 0 or > 3650)
            errors.Add("Storage:AbortIncompleteUploadsAfterDays must be between 0 (no rule) and 3650.");
        if (!options.UsesS3) return Result(errors);
        if (!Uri.TryCreate(options.EndpointUrl, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
            errors.Add($"Storage:EndpointUrl (AWS_S3_ENDPOINT_URL) '{options.EndpointUrl}' is not an http or https URL.");
        if (!AddressingStyles.Contains(options.AddressingStyle, StringComparer.OrdinalIgnoreCase))
            errors.Add($"Storage:AddressingStyle (AWS_S3_ADDRESSING_STYLE) '{options.AddressingStyle}' is not virtual, path or auto.");
        if (options.UrlProtocol.Trim().TrimEnd(':', '/') is not ("http" or "https"))
            errors.Add($"Storage:UrlProtocol (AWS_S3_URL_PROTOCOL) '{options.UrlProtocol}' is not http: or https:.");
        if (string.IsNullOrWhiteSpace(options.Region))
            errors.Add("Storage:Region (AWS_S3_REGION_NAME) is empty.");
        if ((options.AccessKeyId is null) != (options.SecretAccessKey is null))
            errors.Add("Storage:AccessKeyId and Storage:SecretAccessKey (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) are given together or not at all.");
        foreach (var origin in options.UploadCorsOriginList.Where(o => o != "*"))
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/")
                errors.Add($"Storage:UploadCorsOrigins: '{origin}' is not * or an origin such as https://app.example.com.");
        return Result(errors);
    }

    private static ValidateOptionsResult Result(List<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
}
