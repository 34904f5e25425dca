using AssetManager.Application.Accounts;
using AssetManager.Domain.Common;
using AssetManager.Infrastructure.Identity;
using AssetManager.Infrastructure.Identity.Passwords;
using AssetManager.UnitTests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AssetManager.UnitTests.Infrastructure.Passwords;

/// <summary>Django's four default password validators, with Django's messages and in Django's order.</summary>
public sealed class DjangoPasswordValidatorTests : IDisposable
{
    private const string TooSimilarToUsername = "The password is too similar to the username.";
    private const string TooSimilarToEmail = "The password is too similar to the email address.";
    private const string TooShort = "This password is too short. It must contain at least 8 characters.";
    private const string TooCommon = "This password is too common.";
    private const string EntirelyNumeric = "This password is entirely numeric.";

    private readonly TestDb _db = new();
    private readonly IdentityServices _identity;

    public DjangoPasswordValidatorTests() => _identity = new IdentityServices(_db);

    public void Dispose()
    {
        _identity.Dispose();
        _db.Dispose();
    }

    private async Task<string[]> PasswordErrorsAsync(string password, string username = "someone", string email = "")
    {
        await using var scope = _identity.NewScope();
        var identity = scope.ServiceProvider.GetRequiredService<IIdentityService>();
        try
        {
            await identity.CreateUserAsync(username, password, email, default);
            return [];
        }
        catch (FieldValidationException e)
        {
            Assert.Equal(["password"], e.Errors.Keys);
            return e.Errors["password"];
        }
    }

    [Theory]
    [InlineData("Acc-Ufz_kxJqrTzqWcaYQ")] // accepted by the original, refused by Identity's default rules
    [InlineData("correct horse battery staple")]
    [InlineData("sunset over the lake")]
    [InlineData("alllowercaseletters")]
    public async Task Passwords_without_digits_capitals_or_symbols_are_fine(string password)
    {
        Assert.Empty(await PasswordErrorsAsync(password));
    }

    [Fact]
    public async Task A_password_failing_all_four_gets_all_four_messages_in_djangos_order()
    {
        Assert.Equal([TooSimilarToUsername, TooShort, TooCommon, EntirelyNumeric], await PasswordErrorsAsync("1234", username: "1234"));
    }

    [Fact]
    public async Task Each_rule_alone()
    {
        Assert.Equal([TooSimilarToUsername], await PasswordErrorsAsync("testclient", username: "testclient"));
        Assert.Equal([TooSimilarToEmail], await PasswordErrorsAsync("example.com", username: "someone", email: "testclient@example.com"));
        Assert.Equal([TooShort], await PasswordErrorsAsync("x7#Lq2!"));
        Assert.Equal([TooCommon], await PasswordErrorsAsync("football"));
        Assert.Equal([TooCommon, EntirelyNumeric], await PasswordErrorsAsync("12345678"));
        Assert.Equal([EntirelyNumeric], await PasswordErrorsAsync("90183746512"));
    }

    [Fact]
    public async Task Identity_writes_nothing_of_its_own()
    {
        await using var scope = _identity.NewScope();
        var validators = scope.ServiceProvider.GetServices<IPasswordValidator<ApplicationUser>>().Select(v => v.GetType()).ToArray();

        Assert.Equal([typeof(UserAttributeSimilarityValidator), typeof(MinimumLengthValidator), typeof(CommonPasswordValidator),
            typeof(NumericPasswordValidator)], validators);
    }

    // ---- similarity, against what Python's difflib and re compute ------------------------------------------------

    [Theory]
    [InlineData("abcd", "bcde", 0.75)]
    [InlineData("example.com", "example", 0.7777777777777778)]
    [InlineData("password", "drowssap", 1.0)] // order does not matter to quick_ratio
    [InlineData("aab", "abb", 0.6666666666666666)]
    [InlineData("", "", 1.0)]
    public void Quick_ratio_is_pythons(string a, string b, double expected)
    {
        int[] Runes(string s) => s.EnumerateRunes().Select(r => r.Value).ToArray();

        Assert.Equal(expected, UserAttributeSimilarityValidator.QuickRatio(Runes(a), Runes(b)), 15);
    }

    [Theory]
    [InlineData("test.client@example.com", new[] { "test", "client", "example", "com" })]
    [InlineData("@x_y-", new[] { "", "x_y", "" })]
    [InlineData("a@@b", new[] { "a", "b" })]
    [InlineData("naïve-ü", new[] { "naïve", "ü" })]
    [InlineData("", new[] { "" })]
    public void Attributes_split_on_non_word_characters_as_pythons_re_does(string value, string[] expected)
    {
        Assert.Equal(expected, UserAttributeSimilarityValidator.SplitOnNonWord(value));
    }

    [Fact]
    public void Similarity_compares_lower_case_and_each_part_of_the_attribute()
    {
        static string? Similar(string password, string? username, string? email) =>
            UserAttributeSimilarityValidator.FirstSimilarAttribute(password, [("username", username), ("email address", email)]);

        Assert.Equal("username", Similar("TestClient", "testclient", null));
        Assert.Equal("username", Similar("johnsmith!", "John.Smith", null)); // the whole value, lower-cased
        Assert.Equal("email address", Similar("example.com", "someone", "testclient@example.com")); // the part "example"
        Assert.Equal("username", Similar("testclient", "testclient", "testclient@example.com")); // the first one found
        Assert.Null(Similar("Acc-Ufz_kxJqrTzqWcaYQ", "alice", "alice@example.com"));
        Assert.Null(Similar("testclient", null, ""));
        // a value a tenth of the password's length is not compared at all (Django's length shortcut)
        Assert.Null(Similar("ab" + new string('x', 18), "ab", null));
    }

    // ---- length and digits count code points, as Python does ---------------------------------------------------------

    [Fact]
    public async Task Length_counts_characters_not_utf16_units()
    {
        Assert.Equal([TooShort], await PasswordErrorsAsync("🔑🔒🔓🗝")); // 4 characters, 8 UTF-16 units
        Assert.Empty(await PasswordErrorsAsync("🔑🔒🔓🗝🔑🔒🔓🗝"));
    }

    [Theory]
    [InlineData("90183746512", true)]
    [InlineData("١٢٣٤٥٦٧٨٩", true)] // Arabic-Indic digits
    [InlineData("²³¹²³¹²³", true)] // superscripts: Python's isdigit says yes
    [InlineData("①②③④⑤⑥⑦⑧", true)]
    [InlineData("½½½½½½½½", false)] // fractions: numeric, not digits
    [InlineData("⑩⑪⑫⑬⑭⑮⑯⑰", false)]
    [InlineData("9018374651a", false)]
    [InlineData("", false)]
    public void Entirely_numeric_is_pythons_isdigit(string password, bool expected)
    {
        Assert.Equal(expected, NumericPasswordValidator.IsEntirelyNumeric(password));
    }
}
