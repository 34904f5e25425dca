using System.Text;
using AssetManager.Application.Assets;
using AssetManager.Application.Assets.Commands.UploadAsset;
using AssetManager.Domain.Common;
using AssetManager.WebApi.Uploads;
using Microsoft.AspNetCore.Http;

namespace AssetManager.UnitTests.WebApi;

/// <summary>The length the form vouches for the file (docs/adr/0003), and the refusal when the form breaks it.</summary>
public sealed class MultipartUploadFormTests
{
    private const string Boundary = "----form-boundary";
    private const int MiB = 1024 * 1024;

    private static MultipartUploadForm Form(int fileBytes, (string Name, int Size)[] after, bool declareLength = true)
    {
        var body = new MemoryStream();
        void Write(string text) => body.Write(Encoding.ASCII.GetBytes(text));
        Write($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"clip.mp4\"\r\nContent-Type: video/mp4\r\n\r\n");
        body.Write(new byte[fileBytes]);
        foreach (var (name, size) in after)
        {
            Write($"\r\n--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n");
            Write(new string('x', size));
        }
        Write($"\r\n--{Boundary}--\r\n");
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
        var form = Form(12 * MiB, [("prompt_text", 20)]);

        var file = await form.ReadFileAsync(CancellationToken.None);

        Assert.NotNull(file);
        Assert.InRange(file.LengthAtLeast,
            12 * MiB - MultipartUploadForm.RoomAfterFileBytes - MultipartUploadForm.ReadBufferSize, 12 * MiB - MultipartUploadForm.RoomAfterFileBytes);
        Assert.Equal(12 * MiB, await ReadToEndAsync(file.Content));
        Assert.Equal(new string('x', 20), (await form.ReadRemainingFieldsAsync(CancellationToken.None))["prompt_text"]);
    }

    [Fact]
    public async Task Four_fields_of_the_largest_size_after_the_file_fit_in_the_room()
    {
        var form = Form(12 * MiB, [.. Enumerable.Range(0, 4).Select(i => ($"f{i}", MultipartUploadForm.MaxFieldBytes))]);

        var file = await form.ReadFileAsync(CancellationToken.None);

        Assert.True(file!.LengthAtLeast > 0);
        Assert.Equal(12 * MiB, await ReadToEndAsync(file.Content));
        Assert.Equal(4, (await form.ReadRemainingFieldsAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Parts_after_the_file_beyond_the_room_are_refused_when_the_file_ends_early()
    {
        var form = Form(12 * MiB, [.. Enumerable.Range(0, 5).Select(i => ($"f{i}", MiB - 100))]);

        var file = await form.ReadFileAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<UploadRejectedException>(() => ReadToEndAsync(file!.Content));
        Assert.Equal($"The form's parts after the file are larger than {MultipartUploadForm.RoomAfterFileBytes} bytes", error.Message);
    }

    [Fact]
    public async Task A_file_smaller_than_the_room_is_vouched_for_nothing()
    {
        var form = Form(MiB, [("prompt_text", 20)]);

        var file = await form.ReadFileAsync(CancellationToken.None);

        Assert.Equal(0, file!.LengthAtLeast);
        Assert.Equal(MiB, await ReadToEndAsync(file.Content));
    }

    [Fact]
    public async Task The_form_vouches_for_any_length_the_store_decides_what_is_worth_streaming()
    {
        // 2 MiB vouched for: less than S3's smallest part, which is the S3 store's business, not the form's.
        var form = Form(6 * MiB, [("prompt_text", 20)]);

        var file = await form.ReadFileAsync(CancellationToken.None);

        Assert.InRange(file!.LengthAtLeast, MiB, 6 * MiB - MultipartUploadForm.RoomAfterFileBytes);
        Assert.Equal(6 * MiB, await ReadToEndAsync(file.Content));
    }

    [Fact]
    public async Task Without_a_declared_length_nothing_is_vouched_for()
    {
        var form = Form(12 * MiB, [("prompt_text", 20)], declareLength: false);

        var file = await form.ReadFileAsync(CancellationToken.None);

        Assert.Equal(0, file!.LengthAtLeast);
        Assert.Equal(12 * MiB, await ReadToEndAsync(file.Content));
    }
}
