using AssetManager.Application.Accounts.Commands.ObtainToken;
using AssetManager.Application.Accounts.Commands.Register;
using AssetManager.Application.Assets.Commands.UpdateAsset;
using AssetManager.Application.Boxes.Commands.CreateBox;
using AssetManager.Application.Boxes.Commands.UpdateBox;
using AssetManager.Application.Common.Behaviors;
using AssetManager.Application.Projects.Commands.CreateProject;
using AssetManager.Application.Projects.Commands.UpdateProject;
using AssetManager.Domain.Common;
using AssetManager.UnitTests.TestSupport;
using FluentValidation;
using Mediator;

namespace AssetManager.UnitTests.Application.Validation;

/// <summary>
/// Every validator is run the way the mediator runs it, through <see cref="ValidationBehavior{TMessage,TResponse}"/>,
/// so what is checked is the body a client gets: snake_case field names and DRF's wording.
/// </summary>
public sealed class ValidatorTests : IAsyncLifetime, IDisposable
{
    private const string Required = "This field is required.";
    private const string Blank = "This field may not be blank.";
    private const string Max200 = "Ensure this field has no more than 200 characters.";
    private const string BadUsername =
        "Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters.";

    private readonly TestDb _db = new();
    private World _w = null!;

    public async Task InitializeAsync() => _w = await _db.AddTwoUsersAsync();
    public Task DisposeAsync() => Task.CompletedTask;
    public void Dispose() => _db.Dispose();

    /// <summary>The field errors the pipeline reports for <paramref name="message"/>, or null when it passes on to the handler.</summary>
    private static async Task<IReadOnlyDictionary<string, string[]>?> Validate<TMessage>(TMessage message, params IValidator<TMessage>[] validators)
        where TMessage : notnull, IMessage
    {
        var behavior = new ValidationBehavior<TMessage, string>(validators);
        var handled = false;
        try
        {
            await behavior.Handle(message, (_, _) => { handled = true; return ValueTask.FromResult("ok"); }, default);
            Assert.True(handled);
            return null;
        }
        catch (FieldValidationException ex)
        {
            Assert.False(handled);
            return ex.Errors;
        }
    }

    private static void AssertOnly(IReadOnlyDictionary<string, string[]>? errors, string field, string message)
    {
        Assert.NotNull(errors);
        Assert.Equal([field], errors.Keys);
        Assert.Equal([message], errors[field]);
    }

    // ---- projects ----------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(null, Required)]
    [InlineData("", Blank)]
    [InlineData("   ", Blank)]     // DRF trims before checking
    [InlineData("\t\n", Blank)]
    public async Task Create_project_name_is_required_and_not_blank(string? name, string message) =>
        AssertOnly(await Validate(new CreateProjectCommand(1, name, null), new CreateProjectValidator()), "name", message);

    [Fact]
    public async Task Create_project_name_is_at_most_200_characters()
    {
        Assert.Null(await Validate(new CreateProjectCommand(1, new string('x', 200), null), new CreateProjectValidator()));
        Assert.Null(await Validate(new CreateProjectCommand(1, $"  {new string('x', 200)}  ", null), new CreateProjectValidator()));
        AssertOnly(await Validate(new CreateProjectCommand(1, new string('x', 201), null), new CreateProjectValidator()), "name", Max200);
    }

    [Fact]
    public async Task Create_project_with_a_name_passes() =>
        Assert.Null(await Validate(new CreateProjectCommand(1, "n", "any description"), new CreateProjectValidator()));

    [Fact]
    public async Task Put_project_requires_the_name_patch_does_not()
    {
        AssertOnly(await Validate(new UpdateProjectCommand(1, 1, null, "d", Partial: false), new UpdateProjectValidator()), "name", Required);
        Assert.Null(await Validate(new UpdateProjectCommand(1, 1, null, "d", Partial: true), new UpdateProjectValidator()));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Update_project_name_may_not_be_blank_or_too_long(bool partial)
    {
        AssertOnly(await Validate(new UpdateProjectCommand(1, 1, "", null, partial), new UpdateProjectValidator()), "name", Blank);
        AssertOnly(await Validate(new UpdateProjectCommand(1, 1, " ", null, partial), new UpdateProjectValidator()), "name", Blank);
        AssertOnly(await Validate(new UpdateProjectCommand(1, 1, new string('x', 201), null, partial), new UpdateProjectValidator()), "name", Max200);
    }

    // ---- boxes -------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Create_box_needs_a_project_and_a_name()
    {
        var errors = await Validate(new CreateBoxCommand(_w.Alice, null, null, null), new CreateBoxValidator(_db.NewContext()));

        Assert.NotNull(errors);
        Assert.Equal(["project", "name"], errors.Keys);
        Assert.Equal([Required], errors["project"]);
        Assert.Equal([Required], errors["name"]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Create_box_in_someone_elses_or_a_missing_project_is_invalid_pk(bool exists)
    {
        var project = exists ? _w.BobProject.Id : 777;
        var errors = await Validate(new CreateBoxCommand(_w.Alice, project, "n", null), new CreateBoxValidator(_db.NewContext()));
        AssertOnly(errors, "project", $"Invalid pk \"{project}\" - object does not exist.");
    }

    [Fact]
    public async Task Create_box_in_own_project_passes() =>
        Assert.Null(await Validate(new CreateBoxCommand(_w.Alice, _w.AliceProject.Id, "n", null), new CreateBoxValidator(_db.NewContext())));

    [Fact]
    public async Task Create_box_name_rules()
    {
        var validator = new CreateBoxValidator(_db.NewContext());
        AssertOnly(await Validate(new CreateBoxCommand(_w.Alice, _w.AliceProject.Id, "", null), validator), "name", Blank);
        AssertOnly(await Validate(new CreateBoxCommand(_w.Alice, _w.AliceProject.Id, "  ", null), validator), "name", Blank);
        AssertOnly(await Validate(new CreateBoxCommand(_w.Alice, _w.AliceProject.Id, new string('b', 201), null), validator), "name", Max200);
    }

    [Fact]
    public async Task Put_box_requires_project_and_name_patch_requires_neither()
    {
        var validator = new UpdateBoxValidator(_db.NewContext());

        var errors = await Validate(new UpdateBoxCommand(_w.Alice, _w.AliceBox.Id, null, null, null, Partial: false), validator);
        Assert.NotNull(errors);
        Assert.Equal(["project", "name"], errors.Keys);

        Assert.Null(await Validate(new UpdateBoxCommand(_w.Alice, _w.AliceBox.Id, null, null, "d", Partial: true), validator));
    }

    [Fact]
    public async Task Moving_a_box_into_someone_elses_project_is_invalid_pk()
    {
        var errors = await Validate(new UpdateBoxCommand(_w.Alice, _w.AliceBox.Id, _w.BobProject.Id, null, null, Partial: true),
            new UpdateBoxValidator(_db.NewContext()));
        AssertOnly(errors, "project", $"Invalid pk \"{_w.BobProject.Id}\" - object does not exist.");
    }

    // ---- accounts ----------------------------------------------------------------------------------------------

    [Fact]
    public async Task Register_requires_username_and_password()
    {
        var errors = await Validate(new RegisterCommand(null, null, null), new RegisterValidator());

        Assert.NotNull(errors);
        Assert.Equal(["username", "password"], errors.Keys);
        Assert.Equal([Required], errors["username"]);
        Assert.Equal([Required], errors["password"]);
    }

    [Fact]
    public async Task Register_blank_fields()
    {
        var errors = await Validate(new RegisterCommand("", "", ""), new RegisterValidator());

        Assert.NotNull(errors);
        Assert.Equal([Blank], errors["username"]);
        Assert.Equal([Blank], errors["password"]);
        Assert.False(errors.ContainsKey("email")); // email is optional
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    [InlineData("slash/")]
    public async Task Register_username_characters(string username) =>
        AssertOnly(await Validate(new RegisterCommand(username, "pw", null), new RegisterValidator()), "username", BadUsername);

    [Theory]
    [InlineData("alice")]
    [InlineData("a.b@c+d-e_f")]
    [InlineData("Ünïcode")]
    public async Task Register_valid_usernames(string username) =>
        Assert.Null(await Validate(new RegisterCommand(username, "pw", "alice@example.com"), new RegisterValidator()));

    [Fact]
    public async Task Register_username_is_at_most_150_characters()
    {
        Assert.Null(await Validate(new RegisterCommand(new string('u', 150), "pw", null), new RegisterValidator()));
        AssertOnly(await Validate(new RegisterCommand(new string('u', 151), "pw", null), new RegisterValidator()),
            "username", "Ensure this field has no more than 150 characters.");
    }

    [Fact]
    public async Task Register_email_must_look_like_one() =>
        AssertOnly(await Validate(new RegisterCommand("alice", "pw", "not-an-email"), new RegisterValidator()),
            "email", "Enter a valid email address.");

    [Theory]
    [InlineData(null, null, Required, Required)]
    [InlineData("", "", Blank, Blank)]
    public async Task Obtain_token_requires_username_and_password(string? username, string? password, string userMessage, string passwordMessage)
    {
        var errors = await Validate(new ObtainTokenCommand(username, password), new ObtainTokenValidator());

        Assert.NotNull(errors);
        Assert.Equal([userMessage], errors["username"]);
        Assert.Equal([passwordMessage], errors["password"]);
    }

    [Fact]
    public async Task Obtain_token_with_both_passes() =>
        Assert.Null(await Validate(new ObtainTokenCommand("a", "b"), new ObtainTokenValidator()));

    // ---- assets ------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Update_asset_with_unknown_ai_model_is_invalid_pk_in_snake_case() =>
        AssertOnly(await Validate(new UpdateAssetCommand(_w.Alice, 1) { AiModel = 99 }, new UpdateAssetValidator(_db.NewContext())),
            "ai_model", "Invalid pk \"99\" - object does not exist.");

    [Fact]
    public async Task Update_asset_into_someone_elses_box_is_invalid_pk() =>
        AssertOnly(await Validate(new UpdateAssetCommand(_w.Alice, 1) { Box = _w.BobBox.Id }, new UpdateAssetValidator(_db.NewContext())),
            "box", $"Invalid pk \"{_w.BobBox.Id}\" - object does not exist.");

    [Fact]
    public async Task Update_asset_with_known_model_own_box_or_cleared_model_passes()
    {
        var validator = new UpdateAssetValidator(_db.NewContext());
        Assert.Null(await Validate(new UpdateAssetCommand(_w.Alice, 1) { AiModel = 1, Box = _w.AliceBox.Id }, validator));
        Assert.Null(await Validate(new UpdateAssetCommand(_w.Alice, 1) { AiModel = (int?)null }, validator));
        Assert.Null(await Validate(new UpdateAssetCommand(_w.Alice, 1), validator));
    }

    // ---- the behaviour itself ------------------------------------------------------------------------------------

    [Fact]
    public async Task No_validators_passes_straight_through() =>
        Assert.Null(await Validate(new CreateProjectCommand(1, null, null)));

    [Fact]
    public async Task Errors_of_several_validators_are_merged_per_field_in_order()
    {
        var extra = new InlineValidator<CreateProjectCommand>();
        extra.RuleFor(c => c.Name).Must(_ => false).WithMessage("second opinion");
        extra.RuleFor(c => c.Description).Must(_ => false).WithMessage("bad description");

        var errors = await Validate(new CreateProjectCommand(1, "", null), new CreateProjectValidator(), extra);

        Assert.NotNull(errors);
        Assert.Equal(["name", "description"], errors.Keys);
        Assert.Equal([Blank, "second opinion"], errors["name"]);
    }

    [Fact]
    public async Task Property_names_become_snake_case()
    {
        var validator = new InlineValidator<UpdateAssetCommand>();
        validator.RuleFor(c => c.GenerationConfig).Must(_ => false).WithMessage("m");
        validator.RuleFor(c => c.IsFavorite).Must(_ => false).WithMessage("m");
        validator.RuleFor(c => c.PromptText).Must(_ => false).WithMessage("m");

        var errors = await Validate(new UpdateAssetCommand(1, 1), validator);

        Assert.NotNull(errors);
        Assert.Equal(["generation_config", "is_favorite", "prompt_text"], errors.Keys);
    }
}
