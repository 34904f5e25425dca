using AssetManager.WebApi.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AssetManager.UnitTests.WebApi;

/// <summary><c>Limits:*</c>: the contract's defaults, the same limits for ASP.NET's form reader, checked at start.</summary>
public sealed class BodyLimitsTests
{
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddBodyLimits();
        return services.BuildServiceProvider();
    }

    [Fact]
    public void The_defaults_are_the_contracts_and_the_form_reader_gets_them()
    {
        using var services = Services([]);

        var limits = services.GetRequiredService<IOptions<BodyLimits>>().Value;
        var form = services.GetRequiredService<IOptions<FormOptions>>().Value;

        Assert.Equal((1000, 2_621_440), (limits.MaxFormFields, limits.MaxFormBytes));
        Assert.Equal((1000, 2_621_440, 2_621_440L, 2_621_440L),
            (form.ValueCountLimit, form.ValueLengthLimit, form.MultipartBodyLengthLimit, form.BufferBodyLengthLimit));
    }

    [Fact]
    public void Configured_limits_are_taken()
    {
        using var services = Services(new() { ["Limits:MaxFormFields"] = "10", ["Limits:MaxFormBytes"] = "4096" });

        Assert.Equal(10, services.GetRequiredService<IOptions<FormOptions>>().Value.ValueCountLimit);
        Assert.Equal(4096, services.GetRequiredService<IOptions<BodyLimits>>().Value.MaxFormBytes);
    }

    [Theory]
    [InlineData("Limits:MaxFormFields", "0")]
    [InlineData("Limits:MaxFormBytes", "0")]
    [InlineData("Limits:MaxFormBytes", "4194305")] // beyond the room the upload leaves after its file
    public void Limits_out_of_range_are_refused(string key, string value)
    {
        using var services = Services(new() { [key] = value });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BodyLimits>>().Value);
    }
}
