namespace AssetManager.Domain.Common;

/// <summary>The exact wording clients of the original (Django REST Framework) see.</summary>
public static class Messages
{
    public const string Required = "This field is required.";
    public const string NotNull = "This field may not be null.";
    public const string NotBlank = "This field may not be blank.";
    public const string NotAString = "Not a valid string.";
    public const string InvalidInteger = "A valid integer is required.";
    public const string InvalidBoolean = "Must be a valid boolean.";
    public const string NotAJsonObject = "Value must be a JSON object.";
    public const string InvalidEmail = "Enter a valid email address.";
    public const string NullCharacters = "Null characters are not allowed.";
    public static readonly string GenerationConfigTooLong =
        $"Ensure this value has no more than {Assets.Asset.GenerationConfigMaxLength} characters as JSON.";

    public static string AtLeast(long min) => $"Ensure this value is greater than or equal to {min}.";
    public static string MaxLength(int max) => $"Ensure this field has no more than {max} characters.";
    public static string InvalidPk(string value) => $"Invalid pk \"{value}\" - object does not exist.";
    public static string IncorrectPkType(string typeName) => $"Incorrect type. Expected pk value, received {typeName}.";
}
