using Microsoft.Extensions.Configuration;

namespace AssetManager.WebApi.Configuration;

/// <summary>
/// The one place where the original's environment variable names (<c>AWS_*</c>, <c>MAX_UPLOAD_SIZE</c>, ...) map onto
/// the settings the options classes bind. A name given the .NET way (<c>Storage__BucketName</c>, appsettings.json)
/// wins over the original name.
/// </summary>
public static class OriginalSettingNames
{
    /// <param name="Original">The name the original deployment uses.</param>
    /// <param name="Key">The setting it stands for.</param>
    /// <param name="BlankIsUnset">A blank value is no value (most); else it is a value of its own (an empty ACL: none).</param>
    /// <param name="Convert">Turns the original's value into the setting's (given the whole configuration); null: none.</param>
    public sealed record Alias(string Original, string Key, bool BlankIsUnset = true, Func<string, IConfiguration, string?>? Convert = null);

    public static IReadOnlyList<Alias> All { get; } =
    [
        new("AWS_ACCESS_KEY_ID", "Storage:AccessKeyId"),
        new("AWS_SECRET_ACCESS_KEY", "Storage:SecretAccessKey"),
        new("AWS_STORAGE_BUCKET_NAME", "Storage:BucketName"),
        new("AWS_S3_REGION_NAME", "Storage:Region"),
        new("AWS_S3_ENDPOINT_URL", "Storage:EndpointUrl"),
        new("AWS_S3_CUSTOM_DOMAIN", "Storage:CustomDomain"),
        new("AWS_S3_URL_PROTOCOL", "Storage:UrlProtocol"),
        new("AWS_S3_ADDRESSING_STYLE", "Storage:AddressingStyle"),
        new("AWS_DEFAULT_ACL", "Storage:DefaultAcl", BlankIsUnset: false),
        new("AWS_S3_CREATE_BUCKET", "Storage:CreateBucket"),
        new("MEDIA_ROOT", "Storage:LocalRoot"),
        new("MEDIA_PUBLIC_BASE_URL", "Storage:LocalPublicBaseUrl"),
        new("MAX_UPLOAD_SIZE", "Upload:MaxFileBytes"),
        new("CORS_ALLOWED_ORIGINS", "Cors:AllowedOrigins"),
        new("IMPORT_ALLOWED_NETWORKS", "Import:AllowedNetworks"),
        // Where two originals stand for one setting, the first given wins.
        new("ConnectionStrings:Default", "Database:ConnectionString"),
        new(DatabaseUrl.Name, "Database:ConnectionString", Convert: (url, _) => DatabaseUrl.ToConnectionString(url)),
        new(DatabaseUrl.Name, "Database:Provider", Convert: DatabaseUrl.ImpliedProvider),
    ];

    /// <summary>Adds the mapping under every other source, so that the .NET names win.</summary>
    public static IConfigurationBuilder AddOriginalSettingNames(this IConfigurationBuilder builder)
    {
        builder.Sources.Insert(0, new Source(builder is IConfiguration root ? root : builder.Build()));
        return builder;
    }

    private sealed class Source(IConfiguration root) : IConfigurationSource
    {
        public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(root);
    }

    /// <summary>Answers for a mapped key with the original name's value, read from the whole configuration each time.</summary>
    private sealed class Provider(IConfiguration root) : ConfigurationProvider
    {
        private static readonly ILookup<string, Alias> ByKey = All.ToLookup(a => a.Key, StringComparer.OrdinalIgnoreCase);

        public override bool TryGet(string key, out string? value)
        {
            foreach (var alias in ByKey[key])
            {
                if (Given(alias) is not { } original) continue;
                value = alias.Convert is null ? original : alias.Convert(original, root);
                if (value is not null) return true;
            }
            value = null;
            return false;
        }

        /// <summary>The keys whose originals are given, without converting them (a value that cannot be converted stops the start when it is read, not when keys are listed).</summary>
        public override IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath)
        {
            var prefix = parentPath is null ? "" : parentPath + ConfigurationPath.KeyDelimiter;
            var own = All
                .Where(a => a.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && Given(a) is not null)
                .Select(a => a.Key[prefix.Length..].Split(ConfigurationPath.KeyDelimiter)[0])
                .Distinct(StringComparer.OrdinalIgnoreCase);
            return earlierKeys.Concat(own).Order(ConfigurationKeyComparer.Instance);
        }

        private string? Given(Alias alias)
        {
            var original = root[alias.Original];
            if (original is null || (alias.BlankIsUnset && string.IsNullOrWhiteSpace(original))) return null;
            return alias.BlankIsUnset ? original.Trim() : original;
        }
    }
}
