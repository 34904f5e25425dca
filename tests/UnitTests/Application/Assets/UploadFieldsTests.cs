using AssetManager.Application.Assets;
using AssetManager.Domain.Common;

namespace AssetManager.UnitTests.Application.Assets;

public sealed class UploadFieldsTests
{
    private static Dictionary<string, string> Form(params (string Key, string Value)[] fields) =>
        fields.ToDictionary(f => f.Key, f => f.Value);

    private static IReadOnlyDictionary<string, string[]> Errors(Dictionary<string, string> form) =>
        Assert.Throws<FieldValidationException>(() => UploadFields.Parse(form)).Errors;

    [Fact]
    public void No_fields_give_the_defaults()
    {
        var metadata = UploadFields.Parse(Form());

        Assert.Equal("", metadata.PromptText);
        Assert.False(metadata.IsFavorite);
        Assert.Null(metadata.AiModelId);
        Assert.Equal("{}", metadata.GenerationConfig);
        Assert.Null(metadata.Seed);
    }

    [Fact]
    public void Every_field_is_read()
    {
        var metadata = UploadFields.Parse(Form(
            ("prompt_text", "A beautiful sunset"), ("is_favorite", "true"), ("ai_model", "3"),
            ("generation_config", "{ \"steps\": 30, \"cfg\": 7.5 }"), ("seed", "-9223372036854775808")));

        Assert.Equal("A beautiful sunset", metadata.PromptText);
        Assert.True(metadata.IsFavorite);
        Assert.Equal(3, metadata.AiModelId);
        Assert.Equal("{\"steps\":30,\"cfg\":7.5}", metadata.GenerationConfig);
        Assert.Equal(long.MinValue, metadata.Seed);
    }

    [Fact]
    public void Prompt_text_keeps_its_lines()
    {
        Assert.Equal("first line\nsecond line", UploadFields.Parse(Form(("prompt_text", "first line\nsecond line"))).PromptText);
        Assert.Equal("", UploadFields.Parse(Form(("prompt_text", ""))).PromptText);
    }

    [Theory]
    [InlineData("true", true)] [InlineData("TRUE", true)] [InlineData("True", true)]
    [InlineData("1", true)] [InlineData("yes", true)] [InlineData("YES", true)] [InlineData("on", true)] [InlineData("On", true)]
    [InlineData("false", false)] [InlineData("FALSE", false)] [InlineData("0", false)]
    [InlineData("no", false)] [InlineData("No", false)] [InlineData("off", false)] [InlineData("OFF", false)]
    public void Is_favorite_accepts_the_listed_words_in_any_case(string text, bool expected)
    {
        Assert.Equal(expected, UploadFields.Parse(Form(("is_favorite", text))).IsFavorite);
    }

    [Theory]
    [InlineData("maybe")] [InlineData("2")] [InlineData("")] [InlineData("t")] [InlineData("y")] [InlineData("null")] [InlineData("truee")]
    public void Is_favorite_anything_else_is_invalid(string text)
    {
        var errors = Errors(Form(("is_favorite", text)));
        Assert.Equal(["Must be a valid boolean."], errors["is_favorite"]);
        Assert.Single(errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_ai_model_means_none(string text)
    {
        Assert.Null(UploadFields.Parse(Form(("ai_model", text))).AiModelId);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("1e3")]
    public void Ai_model_that_is_not_a_pk_is_invalid(string text)
    {
        var errors = Errors(Form(("ai_model", text)));
        Assert.Equal(["Incorrect type. Expected pk value, received str."], errors["ai_model"]);
    }

    [Fact]
    public void Ai_model_id_is_not_looked_up_here()
    {
        // Whether 99 exists is the handler's business (it answers 'Invalid pk "99" - object does not exist.').
        Assert.Equal(99, UploadFields.Parse(Form(("ai_model", "99"))).AiModelId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Empty_generation_config_is_the_empty_object(string text)
    {
        Assert.Equal("{}", UploadFields.Parse(Form(("generation_config", text))).GenerationConfig);
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("42")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("{not json}")]
    [InlineData("{\"a\": 1")]
    [InlineData("{\"a\": 1} trailing")]
    public void Generation_config_that_is_not_a_json_object_is_invalid(string text)
    {
        var errors = Errors(Form(("generation_config", text)));
        Assert.Equal(["Value must be a JSON object."], errors["generation_config"]);
    }

    [Fact]
    public void Nested_generation_config_is_kept()
    {
        var config = UploadFields.Parse(Form(("generation_config", "{\"a\":{\"b\":[1,null,\"x\"]}}"))).GenerationConfig;
        Assert.Equal("{\"a\":{\"b\":[1,null,\"x\"]}}", config);
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("42", 42L)]
    [InlineData("-7", -7L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData(" 12 ", 12L)]
    public void Seed_is_a_64_bit_integer(string text, long expected)
    {
        Assert.Equal(expected, UploadFields.Parse(Form(("seed", text))).Seed);
    }

    [Fact]
    public void Empty_seed_means_none()
    {
        Assert.Null(UploadFields.Parse(Form(("seed", ""))).Seed);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("9223372036854775808")]
    [InlineData("0x10")]
    [InlineData("1,000")]
    public void Seed_that_is_not_an_integer_is_invalid(string text)
    {
        var errors = Errors(Form(("seed", text)));
        Assert.Equal(["A valid integer is required."], errors["seed"]);
    }

    [Fact]
    public void Every_wrong_field_is_reported_at_once_in_table_order()
    {
        var errors = Errors(Form(
            ("seed", "x"), ("generation_config", "[]"), ("ai_model", "x"), ("is_favorite", "x"), ("prompt_text", "fine")));

        Assert.Equal(["is_favorite", "ai_model", "generation_config", "seed"], errors.Keys);
    }

    [Fact]
    public void Unknown_fields_are_ignored()
    {
        Assert.Equal("", UploadFields.Parse(Form(("something_else", "x"))).PromptText);
    }
}
