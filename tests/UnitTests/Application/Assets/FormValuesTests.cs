using AssetManager.Application.Assets;

namespace AssetManager.UnitTests.Application.Assets;

public sealed class FormValuesTests
{
    [Theory]
    [InlineData("true", true)] [InlineData("tRuE", true)] [InlineData("1", true)] [InlineData("yes", true)] [InlineData("ON", true)]
    [InlineData("false", false)] [InlineData("fAlSe", false)] [InlineData("0", false)] [InlineData("NO", false)] [InlineData("off", false)]
    [InlineData(" true ", true)]
    [InlineData("", null)] [InlineData("maybe", null)] [InlineData("01", null)] [InlineData("-1", null)]
    public void Boolean(string text, bool? expected) => Assert.Equal(expected, FormValues.Boolean(text));

    [Theory]
    [InlineData("0", 0L)] [InlineData("+5", 5L)] [InlineData("-5", -5L)] [InlineData(" 5 ", 5L)]
    [InlineData("9223372036854775807", long.MaxValue)] [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("9223372036854775808", null)] [InlineData("1.0", null)] [InlineData("", null)] [InlineData("1 000", null)]
    [InlineData("١٢", null)] // Arabic-Indic digits are not accepted
    public void Int64(string text, long? expected) => Assert.Equal(expected, FormValues.Int64(text));

    [Theory]
    [InlineData("2147483647", int.MaxValue)] [InlineData("2147483648", null)] [InlineData("-3", -3)] [InlineData("x", null)]
    public void Int32(string text, int? expected) => Assert.Equal(expected, FormValues.Int32(text));

    [Theory]
    [InlineData("{}", "{}")]
    [InlineData(" { \"a\" : [ 1 , 2 ] } ", "{\"a\":[1,2]}")]
    [InlineData("[]", null)]
    [InlineData("null", null)]
    [InlineData("", null)]
    [InlineData("{", null)]
    [InlineData("{'a': 1}", null)]
    public void JsonObjectText(string text, string? expected) => Assert.Equal(expected, FormValues.JsonObjectText(text));
}
