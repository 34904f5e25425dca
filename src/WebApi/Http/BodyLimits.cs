using AssetManager.WebApi.Uploads;
using Microsoft.Extensions.Options;

namespace AssetManager.WebApi.Http;

/// <summary>
/// What a request body other than an upload's file may make the service hold (contract section 1, Django's
/// <c>DATA_UPLOAD_MAX_NUMBER_FIELDS</c> and <c>DATA_UPLOAD_MAX_MEMORY_SIZE</c>): JSON bodies, form bodies, and the
/// upload's parts other than <c>file</c> taken together. Settings <c>Limits:MaxFormFields</c>, <c>Limits:MaxFormBytes</c>.
/// </summary>
public sealed class BodyLimits
{
    public const string SectionName = "Limits";
    public const int DefaultMaxFormFields = 1000;
    public const int DefaultMaxFormBytes = 2_621_440; // 2.5 MiB

    /// <summary>The most the upload leaves for the parts after its file (docs/adr/0003), so the most this may be.</summary>
    public const int MostFormBytes = 4 * MultipartUploadForm.MaxFieldBytes;

    public int MaxFormFields { get; set; } = DefaultMaxFormFields;

    public int MaxFormBytes { get; set; } = DefaultMaxFormBytes;

    public static BodyLimits Default { get; } = new();

    /// <summary>The configured limits, or the defaults where no services are set up (unit tests).</summary>
    public static BodyLimits Of(HttpContext context) =>
        context.RequestServices?.GetService<IOptions<BodyLimits>>()?.Value ?? Default;

    public string TooLargeMessage => $"Request body too large. The max request body size is {MaxFormBytes} bytes.";

    public string TooManyFieldsMessage => $"Too many fields. The max number of fields is {MaxFormFields}.";
}
