using AssetManager.Application.Assets;
using AssetManager.Application.Assets.Commands.UploadAsset;
using AssetManager.Application.Common.Caching;
using AssetManager.Application.Common.Jobs;
using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Assets;
using AssetManager.Domain.Common;
using AssetManager.Infrastructure.Persistence;
using AssetManager.UnitTests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;
using static AssetManager.UnitTests.TestSupport.UploadFakes;

namespace AssetManager.UnitTests.Application.Assets;

public sealed class UploadAssetHandlerTests : IAsyncLifetime, IDisposable
{
    private readonly TestDb _db = new();
    private readonly StorageSpy _spy = new();
    private World _world = null!;

    public async Task InitializeAsync() => _world = await _db.AddTwoUsersAsync();
    public Task DisposeAsync() => Task.CompletedTask;
    public void Dispose() => _db.Dispose();

    private readonly RecentBoxes _recentBoxes = new(new FixedClock(), RecentBoxes.DefaultLifetime);
    private readonly IBackgroundJobs _jobs = Substitute.For<IBackgroundJobs>();

    private UploadAssetHandler Handler(long maxBytes = UploadOptions.DefaultMaxFileBytes, IAssetWriter? writer = null)
    {
        var context = _db.NewContext();
        return new(IntakeFactory.Create(context, writer ?? new EfAssetWriter(context), _recentBoxes, _spy.Storage, _jobs,
            new UploadOptions { MaxFileBytes = maxBytes }));
    }

    private Task<AssetDto> Upload(IUploadForm form, int? boxId = null, int? userId = null,
        long maxBytes = UploadOptions.DefaultMaxFileBytes, IAssetWriter? writer = null) =>
        Handler(maxBytes, writer).Handle(new UploadAssetCommand(userId ?? _world.Alice, boxId ?? _world.AliceBox.Id, form),
            CancellationToken.None).AsTask();

    private static IAssetWriter FailingWriter(Exception error)
    {
        var writer = Substitute.For<IAssetWriter>();
        writer.AddAsync(Arg.Any<Asset>(), Arg.Any<CancellationToken>()).Returns(Task.FromException(error));
        return writer;
    }

    private async Task<int> AssetRows()
    {
        await using var context = _db.NewContext();
        return await context.Assets.CountAsync();
    }

    private async Task AssertNothingStored()
    {
        Assert.Empty(_spy.Objects);
        Assert.Equal(0, await AssetRows());
    }

    // ---- the happy paths ------------------------------------------------------------------------------------

    [Fact]
    public async Task The_length_the_form_vouches_for_is_passed_on_to_the_store()
    {
        var content = Samples.WithLength(Samples.Jpeg, 10_000);

        await Upload(Form(new UploadFile("photo.jpg", new MemoryStream(content), LengthAtLeast: 9_000)));

        await _spy.Storage.Received(1).PutAsync(
            Arg.Any<string>(), Arg.Any<Stream>(), "image/jpeg", 9_000, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Image_upload_streams_the_whole_file_and_saves_the_asset()
    {
        var content = Samples.WithLength(Samples.Jpeg, 10_000); // longer than the detector's head
        var form = Form("My Photo.JPG", content,
            before: Fields(("prompt_text", "A beautiful sunset")),
            after: Fields(("is_favorite", "yes"), ("ai_model", "1"), ("generation_config", "{\"steps\": 30}"), ("seed", "42")));

        var dto = await Upload(form);

        var (key, stored) = Assert.Single(_spy.Objects);
        Assert.Matches("^uploads/[0-9a-f]{32}\\.jpg$", key);
        Assert.DoesNotContain("Photo", key);
        Assert.Equal(content, stored.Bytes);
        Assert.Equal("image/jpeg", stored.ContentType);

        Assert.Equal(_world.AliceBox.Id, dto.Box);
        Assert.Equal("Scene 1", dto.BoxName);
        Assert.Equal("IMAGE", dto.AssetType);
        Assert.Equal(StorageSpy.BaseUrl + key, dto.FileUrl);
        Assert.Equal("", dto.ThumbnailUrl);
        Assert.True(dto.IsFavorite);
        Assert.Equal("A beautiful sunset", dto.PromptText);
        Assert.Equal(1, dto.AiModel);
        Assert.Equal("Midjourney v7", dto.AiModelName);
        Assert.Equal(30, (int)dto.GenerationConfig["steps"]!);
        Assert.Equal(42, dto.Seed);
        Assert.Equal(TestDb.Now, dto.CreatedAt);
        Assert.Equal(TestDb.Now, dto.UpdatedAt);

        await using var context = _db.NewContext();
        var row = await context.Assets.SingleAsync();
        Assert.Equal(dto.Id, row.Id);
        Assert.Equal(key, row.FileKey);
        Assert.Equal(AssetType.Image, row.AssetType);
        Assert.Equal("{\"steps\":30}", row.GenerationConfig);
        Assert.Equal(DateTimeKind.Utc, row.CreatedAt.Kind);
    }

    [Fact]
    public async Task Video_upload_with_no_fields_gets_the_defaults()
    {
        var dto = await Upload(Form("clip.mp4", Samples.Mp4));

        var (key, stored) = Assert.Single(_spy.Objects);
        Assert.EndsWith(".mp4", key);
        Assert.Equal("video/mp4", stored.ContentType);
        Assert.Equal("VIDEO", dto.AssetType);
        Assert.False(dto.IsFavorite);
        Assert.Equal("", dto.PromptText);
        Assert.Null(dto.AiModel);
        Assert.Null(dto.AiModelName);
        Assert.Empty(dto.GenerationConfig);
        Assert.Null(dto.Seed);
    }

    [Fact]
    public async Task Empty_ai_model_means_none()
    {
        var dto = await Upload(Form("a.png", Samples.Png, after: Fields(("ai_model", ""))));
        Assert.Null(dto.AiModel);
    }

    // ---- the order of the checks ----------------------------------------------------------------------------

    [Fact]
    public async Task Someone_elses_box_is_404_before_the_form_is_read()
    {
        var form = Form(file: null);

        await Assert.ThrowsAsync<NotFoundException>(() => Upload(form, boxId: _world.BobBox.Id));

        await form.DidNotReceive().ReadFileAsync(Arg.Any<CancellationToken>());
        await AssertNothingStored();
    }

    [Fact]
    public async Task Missing_box_is_404_before_the_form_is_read()
    {
        var form = Form(file: null);

        var error = await Assert.ThrowsAsync<NotFoundException>(() => Upload(form, boxId: 9999));

        Assert.Equal("Not found.", error.Message);
        await form.DidNotReceive().ReadFileAsync(Arg.Any<CancellationToken>());
    }

    // ---- the box remembered (ADR 5) ----------------------------------------------------------------------------

    private async Task RenameAliceBoxBehindTheServiceAsync(string name)
    {
        await using var context = _db.NewContext();
        await context.Boxes.Where(b => b.Id == _world.AliceBox.Id).ExecuteUpdateAsync(u => u.SetProperty(b => b.Name, name));
    }

    [Fact]
    public async Task A_box_read_once_is_answered_from_memory_until_revoked()
    {
        await Upload(Form("a.png", Samples.Png));
        await RenameAliceBoxBehindTheServiceAsync("Renamed elsewhere");

        Assert.Equal("Scene 1", (await Upload(Form("b.png", Samples.Png))).BoxName);
        _recentBoxes.Revoke(_world.AliceBox.Id);
        Assert.Equal("Renamed elsewhere", (await Upload(Form("c.png", Samples.Png))).BoxName);
    }

    [Fact]
    public async Task A_box_remembered_for_its_owner_is_still_404_for_someone_else()
    {
        await Upload(Form("a.png", Samples.Png));
        var form = Form(file: null);

        await Assert.ThrowsAsync<NotFoundException>(() => Upload(form, userId: _world.Bob));

        await form.DidNotReceive().ReadFileAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_box_deleted_behind_the_service_while_remembered_is_404_and_keeps_nothing()
    {
        await Upload(Form("a.png", Samples.Png));
        await using (var context = _db.NewContext())
            await context.Boxes.Where(b => b.Id == _world.AliceBox.Id).ExecuteDeleteAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => Upload(Form("b.png", Samples.Png)));

        Assert.Single(_spy.Objects); // the first upload's; the second's object was deleted again
        await _spy.Storage.ReceivedWithAnyArgs(1).DeleteAsync(default!, default);
        Assert.Equal(0, await AssetRows());
        // now known to be gone: refused before the form is read
        var form = Form(file: null);
        await Assert.ThrowsAsync<NotFoundException>(() => Upload(form));
        await form.DidNotReceive().ReadFileAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task An_ai_model_deleted_between_its_check_and_the_insert_is_an_invalid_pk()
    {
        var writer = FailingWriter(new MissingReferenceException(new InvalidOperationException("FOREIGN KEY constraint failed")));

        var error = await Assert.ThrowsAsync<FieldValidationException>(
            () => Upload(Form("a.png", Samples.Png, after: Fields(("ai_model", "1"))), writer: writer));

        Assert.Equal(["Invalid pk \"1\" - object does not exist."], error.Errors["ai_model"]);
        await _spy.Storage.ReceivedWithAnyArgs(1).DeleteAsync(default!, default);
    }

    [Fact]
    public async Task No_file_part_is_file_required()
    {
        var error = await Assert.ThrowsAsync<UploadRejectedException>(() => Upload(Form(file: null)));
        Assert.Equal("File is required", error.Message);
        await AssertNothingStored();
    }

    [Fact]
    public async Task No_file_part_is_reported_even_when_the_fields_are_wrong()
    {
        var form = Form(file: null, before: Fields(("is_favorite", "maybe"), ("seed", "x")));
        var error = await Assert.ThrowsAsync<UploadRejectedException>(() => Upload(form));
        Assert.Equal("File is required", error.Message);
    }

    [Theory]
    [InlineData("empty.jpg")]
    [InlineData("empty.exe")]   // empty comes before the extension
    [InlineData("noextension")]
    public async Task Zero_bytes_is_file_empty_before_the_extension_is_looked_at(string name)
    {
        var error = await Assert.ThrowsAsync<UploadRejectedException>(() => Upload(Form(name, [])));
        Assert.Equal("File is empty", error.Message);
        await AssertNothingStored();
    }

    [Fact]
    public async Task Unsupported_extension_comes_before_content_and_size()
    {
        var content = Samples.WithLength(Samples.PortableExecutable, 5000);

        var error = await Assert.ThrowsAsync<UploadRejectedException>(() => Upload(Form("setup.exe", content), maxBytes: 100));

        Assert.Equal(
            "Unsupported file type '.exe'. Allowed: .jpg, .jpeg, .png, .gif, .webp, .bmp, .svg, .mp4, .mov, .avi, .mkv, .webm, .flv, .wmv",
            error.Message);
        await AssertNothingStored();
    }

    [Fact]
    public async Task Content_mismatch_comes_before_size_and_fields()
    {
        var content = Samples.WithLength(Samples.Zip, 5000);
        var form = Form("holiday.jpg", content, before: Fields(("seed", "not a number")));

        var error = await Assert.ThrowsAsync<UploadRejectedException>(() => Upload(form, maxBytes: 100));

        Assert.Equal("File content does not match its extension", error.Message);
        await AssertNothingStored();
    }

    [Fact]
    public async Task Png_named_mp4_is_a_mismatch()
    {
        var error = await Assert.ThrowsAsync<UploadRejectedException>(() => Upload(Form("clip.mp4", Samples.Png)));
        Assert.Equal("File content does not match its extension", error.Message);
    }

    [Fact]
    public async Task Html_named_svg_is_a_mismatch()
    {
        var error = await Assert.ThrowsAsync<UploadRejectedException>(() => Upload(Form("logo.svg", Samples.Html)));
        Assert.Equal("File content does not match its extension", error.Message);
    }

    [Fact]
    public async Task Too_large_is_413_and_leaves_no_row()
    {
        var source = new CountingStream(length: null); // endless: only the limit can stop it
        var form = Form(new UploadFile("big.png", new ThenStream(Samples.Png, source)));

        var error = await Assert.ThrowsAsync<FileTooLargeException>(() => Upload(form, maxBytes: 10_000));

        Assert.Equal("File too large. Maximum size is 10000 bytes.", error.Message);
        Assert.InRange(source.BytesRead, 1, 10_000 + 1024 * 1024); // stopped soon after the limit, not at the end
        Assert.Equal(0, await AssetRows());
    }

    [Fact]
    public async Task A_declared_length_beyond_the_limit_is_413_once_the_file_checks_pass_without_reading_it()
    {
        var source = new CountingStream(length: null);
        var form = Form(new UploadFile("big.png", new ThenStream(Samples.Png, source)));
        form.IsDeclaredTooLarge.Returns(true);

        var error = await Assert.ThrowsAsync<FileTooLargeException>(() => Upload(form, maxBytes: 10_000));

        Assert.Equal("File too large. Maximum size is 10000 bytes.", error.Message);
        await _spy.Storage.DidNotReceiveWithAnyArgs().PutAsync(default!, default!, default!, default, default);
        Assert.InRange(source.BytesRead, 0, 4096); // at most the leading bytes the content check needs
    }

    [Fact]
    public async Task A_declared_length_beyond_the_limit_still_reports_an_unsupported_type_first()
    {
        var form = Form("tool.exe", Samples.WithLength(Samples.Png, 100));
        form.IsDeclaredTooLarge.Returns(true);

        var error = await Assert.ThrowsAsync<UploadRejectedException>(() => Upload(form, maxBytes: 10_000));

        Assert.StartsWith("Unsupported file type '.exe'.", error.Message);
    }

    [Fact]
    public async Task Exactly_the_limit_is_accepted()
    {
        var content = Samples.WithLength(Samples.Png, 10_000);
        await Upload(Form("a.png", content), maxBytes: 10_000);
        Assert.Equal(10_000, Assert.Single(_spy.Objects).Value.Bytes.Length);
    }

    [Fact]
    public async Task Size_comes_before_early_field_errors()
    {
        var content = Samples.WithLength(Samples.Png, 20_000);
        var form = Form("a.png", content, before: Fields(("is_favorite", "maybe")));

        await Assert.ThrowsAsync<FileTooLargeException>(() => Upload(form, maxBytes: 10_000));

        await _spy.Storage.DidNotReceiveWithAnyArgs().PutAsync(default!, default!, default!, default, default);
        await AssertNothingStored();
    }

    [Fact]
    public async Task Size_comes_before_late_field_errors()
    {
        var content = Samples.WithLength(Samples.Png, 20_000);
        var form = Form("a.png", content, after: Fields(("seed", "x")));

        await Assert.ThrowsAsync<FileTooLargeException>(() => Upload(form, maxBytes: 10_000));

        await form.DidNotReceive().ReadRemainingFieldsAsync(Arg.Any<CancellationToken>());
        await AssertNothingStored();
    }

    // ---- field errors and leaving nothing half-done --------------------------------------------------------

    [Fact]
    public async Task Early_field_errors_store_nothing()
    {
        var form = Form("a.png", Samples.Png, before: Fields(("is_favorite", "maybe"), ("generation_config", "[]")));

        var error = await Assert.ThrowsAsync<FieldValidationException>(() => Upload(form));

        Assert.Equal(["Must be a valid boolean."], error.Errors["is_favorite"]);
        Assert.Equal(["Value must be a JSON object."], error.Errors["generation_config"]);
        await _spy.Storage.DidNotReceiveWithAnyArgs().PutAsync(default!, default!, default!, default, default);
        await AssertNothingStored();
    }

    [Fact]
    public async Task Late_field_errors_delete_the_stored_object()
    {
        var form = Form("a.png", Samples.Png, after: Fields(("seed", "1.5")));

        var error = await Assert.ThrowsAsync<FieldValidationException>(() => Upload(form));

        Assert.Equal(["A valid integer is required."], error.Errors["seed"]);
        var key = (string)_spy.Storage.ReceivedCalls().Single(c => c.GetMethodInfo().Name == "PutAsync").GetArguments()[0]!;
        await _spy.Storage.Received(1).DeleteAsync(key, Arg.Any<CancellationToken>());
        await AssertNothingStored();
    }

    [Fact]
    public async Task Unknown_ai_model_is_invalid_pk_and_deletes_the_stored_object()
    {
        var form = Form("a.png", Samples.Png, before: Fields(("ai_model", "99")));

        var error = await Assert.ThrowsAsync<FieldValidationException>(() => Upload(form));

        Assert.Equal(["Invalid pk \"99\" - object does not exist."], error.Errors["ai_model"]);
        await _spy.Storage.ReceivedWithAnyArgs(1).DeleteAsync(default!, default);
        await AssertNothingStored();
    }

    [Fact]
    public async Task Failed_save_deletes_the_stored_object_and_reports_a_storage_failure()
    {
        var writer = FailingWriter(new DbUpdateException("disk I/O error"));

        var error = await Assert.ThrowsAsync<StorageFailedException>(() => Upload(Form("a.png", Samples.Png), writer: writer));

        Assert.StartsWith("Failed to upload file: ", error.Message);
        await writer.ReceivedWithAnyArgs(1).AddAsync(default!, default);
        await _spy.Storage.ReceivedWithAnyArgs(1).DeleteAsync(default!, default);
        await AssertNothingStored();
    }

    [Fact]
    public async Task Cancelled_save_deletes_the_stored_object_and_stays_a_cancellation()
    {
        var writer = FailingWriter(new OperationCanceledException());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Upload(Form("a.png", Samples.Png), writer: writer));

        await _spy.Storage.ReceivedWithAnyArgs(1).DeleteAsync(default!, default);
        Assert.Empty(_spy.Objects);
    }

    [Fact]
    public async Task A_delete_that_fails_after_a_failed_save_does_not_hide_the_first_error()
    {
        var writer = FailingWriter(new DbUpdateException("constraint failed"));
        _spy.Storage.DeleteAsync(Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(Task.FromException(new StorageFailedException("store down")));

        var error = await Assert.ThrowsAsync<StorageFailedException>(() => Upload(Form("a.png", Samples.Png), writer: writer));

        Assert.IsType<DbUpdateException>(error.InnerException);
    }

    [Fact]
    public async Task Store_failure_propagates_and_leaves_no_row()
    {
        _spy.Storage.PutAsync(Arg.Any<string>(), Arg.Any<Stream>(), Arg.Any<string>(), Arg.Any<long>(), Arg.Any<CancellationToken>())
            .Returns(Task.FromException<StoredFile>(new StorageFailedException("AccessDenied: no")));

        var error = await Assert.ThrowsAsync<StorageFailedException>(() => Upload(Form("a.png", Samples.Png)));

        Assert.Equal("Failed to upload file: AccessDenied: no", error.Message);
        Assert.Equal(0, await AssetRows());
        await _spy.Storage.DidNotReceiveWithAnyArgs().DeleteAsync(default!, default);
    }
}
