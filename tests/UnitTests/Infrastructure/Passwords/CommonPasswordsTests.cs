using AssetManager.Infrastructure.Identity.Passwords;

namespace AssetManager.UnitTests.Infrastructure.Passwords;

/// <summary>The common-password list ships inside the service, with its source and licence beside it.</summary>
public sealed class CommonPasswordsTests
{
    [Fact]
    public void The_list_is_the_whole_zxcvbn_ts_dictionary()
    {
        Assert.Equal(49_233, CommonPasswords.Count); // @zxcvbn-ts/language-common 4.1.3, passwords-common
    }

    [Theory]
    [InlineData("password")]
    [InlineData("123456")]
    [InlineData("qwerty123")]
    [InlineData("iloveyou")]
    [InlineData("passw0rd")]
    [InlineData("trustno1")]
    public void Well_known_passwords_are_on_it(string password)
    {
        Assert.True(CommonPasswords.Contains(password));
    }

    [Theory]
    [InlineData("Acc-Ufz_kxJqrTzqWcaYQ")]
    [InlineData("correct horse battery staple")]
    public void Random_ones_are_not(string password)
    {
        Assert.False(CommonPasswords.Contains(password.ToLowerInvariant()));
    }

    [Fact]
    public async Task The_validator_lower_cases_and_trims_as_django_does()
    {
        var validator = new CommonPasswordValidator();

        Assert.False((await validator.ValidateAsync(null!, null!, "  PassWord1 ")).Succeeded);
        Assert.True((await validator.ValidateAsync(null!, null!, "Acc-Ufz_kxJqrTzqWcaYQ")).Succeeded);
    }

    [Fact]
    public void The_notice_names_the_package_version_source_and_licence()
    {
        var notice = File.ReadAllText(Path.Combine(SourceFolder(), "NOTICE.md"));

        Assert.Contains("@zxcvbn-ts/language-common", notice);
        Assert.Contains("4.1.3", notice);
        Assert.Contains("https://registry.npmjs.org/@zxcvbn-ts/language-common/-/language-common-4.1.3.tgz", notice);
        Assert.Contains("MIT", notice);
        Assert.Contains("Permission is hereby granted, free of charge", notice);
        Assert.Contains("49,233", notice);
        Assert.True(File.Exists(Path.Combine(SourceFolder(), "common-passwords.txt.gz")));
    }

    /// <summary>src/Infrastructure/Identity/Passwords, found from the test's build output upwards.</summary>
    private static string SourceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Infrastructure", "Identity", "Passwords");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("src/Infrastructure/Identity/Passwords not found above " + AppContext.BaseDirectory);
    }
}
