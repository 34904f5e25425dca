using System.Text;
using AssetManager.Application.Assets;
using AssetManager.Application.Assets.Commands.UploadAsset;
using AssetManager.Domain.Common;
using AssetManager.WebApi.Http;
using AssetManager.WebApi.Uploads;
using Microsoft.AspNetCore.Http;

namespace AssetManager.UnitTests.WebApi;

/// <summary>
/// The length the form vouches for the file (docs/adr/0003), the refusal when the form breaks it, and the limits on
/// the fields besides the file (contract section 1).
/// </summary>
public sealed class MultipartUploadFormTests
{
    private const string Boundary = "----form-boundary";
    private const int MiB = 1024 * 1024;

    /// <summary>A part: a text field, or with <paramref name="IsFile"/> a file part other than <c>file</c>.</summary>
    private sealed record Part(string Name, int Size, bool IsFile = false);

    private static MultipartUploadForm Form(int fileBytes, Part[] after, bool declareLength = true, Part[]? before = null)
    {
        var body = new MemoryStream();
        void Write(string text) => body.Write(Encoding.ASCII.GetBytes(text));
        void WritePart(Part part)
        {
            var fileName = part.IsFile ? "; filename=\"notes.txt\"" : "";
            Write($"--{Boundary}\r\nContent-Disposition: form-data; name=\"{part.Name}\"{fileName}\r\n\r\n");
            Write(new string('x', part.Size));
            Write("\r\n");
        }
        foreach (var part in before ?? []) WritePart(part);
        Write($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"clip.mp4\"\r\nContent-Type: video/mp4\r\n\r\n");
        body.Write(new byte[fileBytes]);
        Write("\r\n");
        foreach (var part in after) WritePart(part);
        Write($"--{Boundary}--\r\n");
        var context = new DefaultHttpContext();
        context.Request.ContentType = $"multipart/form-data; boundary={Boundary}";
        context.Request.ContentLength = declareLength ? body.Length : null;
        context.Request.Body = new MemoryStream(body.ToArray());
        return new MultipartUploadForm(context.Request, UploadOptions.DefaultMaxFileBytes);
    }

    private static async Task<long> ReadToEndAsync(Stream content)
    {
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer)) > 0) total += read;
        return total;
    }

    [Fact]
    public async Task A_file_sent_first_is_vouched_for_but_the_room_after_it()
    {
        var form = Form(12 * MiB, [new("prompt_text", 20)]);

        var file = await form.ReadFileAsync(CancellationToken.None);

        Assert.NotNull(file);
        Assert.InRange(file.LengthAtLeast,
            12 * MiB - MultipartUploadForm.RoomAfterFileBytes - MultipartUploadForm.ReadBufferSize, 12 * MiB - MultipartUploadForm.RoomAfterFileBytes);
        Assert.Equal(12 * MiB, await ReadToEndAsync(file.Content));
        Assert.Equal(new string('x', 20), (await form.ReadRemainingFieldsAsync(CancellationToken.None))["prompt_text"]);
    }

    [Fact]
    public async Task Fields_up_to_the_form_limit_after_the_file_fit_in_the_room()
    {
        // 2.5 MiB in all, names included: two fields of the largest size and the rest in a third
        Part[] fields = [new("f0", MiB), new("f1", MiB), new("f2", BodyLimits.DefaultMaxFormBytes - 2 * MiB - 6)];
        var form = Form(12 * MiB, fields);

        var file = await form.ReadFileAsync(CancellationToken.None);

        Assert.True(file!.LengthAtLeast > 0);
        Assert.Equal(12 * MiB, await ReadToEndAsync(file.Content));
        Assert.Equal(3, (await form.ReadRemainingFieldsAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Parts_after_the_file_beyond_the_room_are_refused_when_the_file_ends_early()
    {
        var form = Form(12 * MiB, [.. Enumerable.Range(0, 5).Select(i => new Part($"f{i}", MiB - 100))]);

        var file = await form.ReadFileAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<UploadRejectedException>(() => ReadToEndAsync(file!.Content));
        Assert.Equal($"The form's parts after the file are larger than {MultipartUploadForm.RoomAfterFileBytes} bytes", error.Message);
    }

    [Fact]
    public async Task A_file_smaller_than_the_room_is_vouched_for_nothing()
    {
        var form = Form(MiB, [new("prompt_text", 20)]);

        var file = await form.ReadFileAsync(CancellationToken.None);

        Assert.Equal(0, file!.LengthAtLeast);
        Assert.Equal(MiB, await ReadToEndAsync(file.Content));
    }

    [Fact]
    public async Task The_form_vouches_for_any_length_the_store_decides_what_is_worth_streaming()
    {
        // 2 MiB vouched for: less than S3's smallest part, which is the S3 store's business, not the form's.
        var form = Form(6 * MiB, [new("prompt_text", 20)]);

        var file = await form.ReadFileAsync(CancellationToken.None);

        Assert.InRange(file!.LengthAtLeast, MiB, 6 * MiB - MultipartUploadForm.RoomAfterFileBytes);
        Assert.Equal(6 * MiB, await ReadToEndAsync(file.Content));
    }

    [Fact]
    public async Task Fields_before_the_file_larger_than_the_form_limit_in_all_are_refused_at_the_limit()
    {
        var form = Form(MiB, [], before: [new("f0", MiB), new("f1", MiB), new("f2", MiB), new("f3", MiB)]);

        var error = await Assert.ThrowsAsync<UploadRejectedException>(() => form.ReadFileAsync(CancellationToken.None).AsTask());

        Assert.Equal($"The form's fields are larger than {BodyLimits.DefaultMaxFormBytes} bytes in all", error.Message);
        Assert.Equal(2, form.Fields.Count); // the third was refused on the way
    }

    [Fact]
    public async Task Fields_after_the_file_larger_than_the_form_limit_in_all_are_refused()
    {
        var form = Form(MiB, [new("f0", MiB), new("f1", MiB), new("f2", MiB)]);
        var file = await form.ReadFileAsync(CancellationToken.None);
        await ReadToEndAsync(file!.Content);

        var error = await Assert.ThrowsAsync<UploadRejectedException>(() => form.ReadRemainingFieldsAsync(CancellationToken.None).AsTask());

        Assert.Equal($"The form's fields are larger than {BodyLimits.DefaultMaxFormBytes} bytes in all", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task More_parts_than_the_field_limit_besides_the_file_are_refused(bool filesSkipped)
    {
        var parts = Enumerable.Range(0, BodyLimits.DefaultMaxFormFields + 1).Select(i => new Part($"f{i}", 1, filesSkipped)).ToArray();
        var form = Form(MiB, [], before: parts);

        var error = await Assert.ThrowsAsync<UploadRejectedException>(() => form.ReadFileAsync(CancellationToken.None).AsTask());

        Assert.Equal($"Too many form fields: at most {BodyLimits.DefaultMaxFormFields} besides the file", error.Message);
    }

    [Fact]
    public async Task As_many_fields_as_the_limit_are_taken()
    {
        var form = Form(MiB, [new("last", 1)], before: [.. Enumerable.Range(0, BodyLimits.DefaultMaxFormFields - 1).Select(i => new Part($"f{i}", 1))]);

        var file = await form.ReadFileAsync(CancellationToken.None);
        await ReadToEndAsync(file!.Content);

        Assert.Equal(BodyLimits.DefaultMaxFormFields, (await form.ReadRemainingFieldsAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Without_a_declared_length_nothing_is_vouched_for()
    {
        var form = Form(12 * MiB, [new("prompt_text", 20)], declareLength: false);

        var file = await form.ReadFileAsync(CancellationToken.None);

        Assert.Equal(0, file!.LengthAtLeast);
        Assert.Equal(12 * MiB, await ReadToEndAsync(file.Content));
    }

    // ---- batches ----

    private static MultipartUploadForm Batch(params (string Name, string? FileName, string Content)[] parts)
    {
        var body = new StringBuilder();
        foreach (var (name, fileName, content) in parts)
        {
            var file = fileName is null ? "" : $"; filename=\"{fileName}\"";
            body.Append($"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"{file}\r\n\r\n{content}\r\n");
        }
        body.Append($"--{Boundary}--\r\n");
        var bytes = Encoding.ASCII.GetBytes(body.ToString());
        var context = new DefaultHttpContext();
        context.Request.ContentType = $"multipart/form-data; boundary={Boundary}";
        context.Request.ContentLength = bytes.Length;
        context.Request.Body = new MemoryStream(bytes);
        return MultipartUploadForm.ForBatch(context.Request, UploadOptions.DefaultMaxFileBytes, maxFiles: 100);
    }

    [Fact]
    public async Task A_batch_yields_its_files_one_at_a_time_with_the_fields_around_them()
    {
        var form = Batch(
            ("prompt_text", null, "shared"), ("files", "a.png", "AAAA"), ("seed", null, "7"),
            ("file", "ignored.png", "XX"), ("files", "b.png", "BB"), ("is_favorite", null, "yes"));

        var first = await form.ReadNextFileAsync(CancellationToken.None);
        Assert.Equal("a.png", first!.FileName);
        Assert.Equal(0, first.LengthAtLeast); // no file of a batch is vouched for: more may follow it
        Assert.Equal(["prompt_text"], form.Fields.Keys);
        // the first file is left unread: reading on skips the rest of it
        var second = await form.ReadNextFileAsync(CancellationToken.None);
        Assert.Equal("b.png", second!.FileName);
        Assert.Equal("BB", await new StreamReader(second.Content).ReadToEndAsync());
        Assert.Null(await form.ReadNextFileAsync(CancellationToken.None));
        Assert.Equal(new Dictionary<string, string> { ["prompt_text"] = "shared", ["seed"] = "7", ["is_favorite"] = "yes" },
            form.Fields.ToDictionary());
    }
}
