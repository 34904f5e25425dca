using AssetManager.Infrastructure.Persistence;
using AssetManager.UnitTests.TestSupport;
using AssetManager.WebApi.Configuration;
using Npgsql;

namespace AssetManager.UnitTests.WebApi;

/// <summary><c>DATABASE_URL</c>: its conversion to an Npgsql connection string, and where it stands among the other names.</summary>
public sealed class DatabaseUrlTests
{
    private static NpgsqlConnectionStringBuilder Converted(string url) => new(DatabaseUrl.ToConnectionString(url));

    [Fact]
    public void User_password_host_port_and_database_are_taken_with_the_password_url_decoded()
    {
        var connection = Converted("postgres://app:p%40ss%3Aw0rd%20x@db.example.com:6543/assets");

        Assert.Equal(
            ("db.example.com", 6543, "assets", "app", "p@ss:w0rd x", SslMode.Prefer),
            (connection.Host, connection.Port, connection.Database, connection.Username, connection.Password, connection.SslMode));
    }

    [Fact]
    public void The_port_defaults_to_5432_and_the_password_may_be_left_out()
    {
        var connection = Converted("postgresql://app@db.example.com/assets");

        Assert.Equal((5432, "app", null), (connection.Port, connection.Username, connection.Password));
    }

    [Theory]
    [InlineData("disable", SslMode.Disable)]
    [InlineData("require", SslMode.Require)]
    [InlineData("verify-ca", SslMode.VerifyCA)]
    [InlineData("verify-full", SslMode.VerifyFull)]
    public void Sslmode_is_passed_on(string sslmode, SslMode expected) =>
        Assert.Equal(expected, Converted($"postgres://app:pw@db.example.com/assets?sslmode={sslmode}").SslMode);

    [Fact]
    public void An_ipv6_host_and_an_encoded_database_name_are_read()
    {
        var connection = Converted("postgres://app@[::1]:5433/my%20assets");

        Assert.Equal(("::1", 5433, "my assets"), (connection.Host, connection.Port, connection.Database));
    }

    [Theory]
    [InlineData("mysql://app:secret@db.example.com/assets", "it is not a postgres:// or postgresql:// URL")]
    [InlineData("db.example.com/assets", "it is not a postgres:// or postgresql:// URL")]
    [InlineData("postgres://app:secret@db.example.com:notaport/assets", "it is not a postgres:// or postgresql:// URL")]
    [InlineData("postgres://app:secret@db.example.com", "it names no database")]
    [InlineData("postgres://app:secret@db.example.com/a/b", "it names no database")]
    [InlineData("postgres://app:secret@db.example.com/assets?sslmode=sometimes", "sslmode must be one of")]
    [InlineData("postgres://app:secret@db.example.com/assets?connect_timeout=5", "only sslmode is understood")]
    public void A_url_that_cannot_be_used_is_refused_naming_the_setting_but_not_the_password(string url, string why)
    {
        var error = Assert.Throws<InvalidSettingException>(() => DatabaseUrl.ToConnectionString(url));

        Assert.StartsWith("DATABASE_URL cannot be used: ", error.Message);
        Assert.Contains(why, error.Message);
        Assert.DoesNotContain("secret", error.Message);
    }

    [Fact]
    public void Alone_it_gives_the_connection_string_and_the_postgresql_provider()
    {
        var options = Settings.Bind<DatabaseOptions>(("DATABASE_URL", "postgres://app:pw@db.example.com/assets"));

        Assert.Equal(DatabaseProvider.PostgreSql, options.Provider);
        Assert.Equal(DatabaseUrl.ToConnectionString("postgres://app:pw@db.example.com/assets"), options.ConnectionString);
    }

    [Fact]
    public void A_provider_given_wins_over_the_one_it_implies()
    {
        var options = Settings.Bind<DatabaseOptions>(("DATABASE_URL", "postgres://app:pw@db.example.com/assets"), ("Database:Provider", "SqlServer"));

        Assert.Equal(DatabaseProvider.SqlServer, options.Provider);
    }

    [Theory]
    [InlineData("ConnectionStrings:Default")]
    [InlineData("Database:ConnectionString")]
    public void Another_connection_string_wins_and_then_it_implies_no_provider(string key)
    {
        var options = Settings.Bind<DatabaseOptions>(
            ("DATABASE_URL", "postgres://app:pw@db.example.com/assets"), (key, "Data Source=/srv/app/other.db"));

        Assert.Equal((DatabaseProvider.Sqlite, "Data Source=/srv/app/other.db"), (options.Provider, options.ConnectionString));
    }

    [Fact]
    public void A_url_that_another_connection_string_outranks_is_never_read()
    {
        var options = Settings.Bind<DatabaseOptions>(("DATABASE_URL", "not a url"), ("ConnectionStrings:Default", "Data Source=/srv/app/other.db"));

        Assert.Equal((DatabaseProvider.Sqlite, "Data Source=/srv/app/other.db"), (options.Provider, options.ConnectionString));
    }

    [Fact]
    public void A_blank_one_is_no_value()
    {
        var options = Settings.Bind<DatabaseOptions>(("DATABASE_URL", "  "));

        Assert.Equal((DatabaseProvider.Sqlite, "Data Source=/srv/app/data/assetmanager.db"), (options.Provider, options.ConnectionString));
    }

    [Fact]
    public void One_that_cannot_be_used_stops_binding_with_the_settings_error()
    {
        var error = Assert.Throws<InvalidSettingException>(() => Settings.Bind<DatabaseOptions>(("DATABASE_URL", "postgres://app:pw@db.example.com")));

        Assert.True(SettingsErrors.IsSettingsError(error));
        Assert.Equal("Invalid settings: DATABASE_URL cannot be used: it names no database (postgres://user:password@host:port/database).",
            SettingsErrors.Describe(error));
    }
}
