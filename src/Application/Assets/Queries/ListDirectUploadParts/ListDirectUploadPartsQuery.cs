using AssetManager.Application.Common.Persistence;
using AssetManager.Application.Common.Storage;
using AssetManager.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AssetManager.Application.Assets.Queries.ListDirectUploadParts;

/// <summary>The parts the store already holds for one of the caller's direct uploads, so that a client resumes with the rest.</summary>
public sealed record ListDirectUploadPartsQuery(int UserId, int BoxId, string UploadId) : IQuery<UploadedParts>;

/// <summary>The upload's part size (null for a single PUT, which has no parts) and the parts held, in order.</summary>
public sealed record UploadedParts(string UploadId, long? PartSize, IReadOnlyList<UploadedPart> Parts);

public sealed record UploadedPart(int PartNumber, string Etag, long Size);

internal sealed class ListDirectUploadPartsHandler(IAppDbContext db, IDirectUploadStorage store, TimeProvider clock)
    : IQueryHandler<ListDirectUploadPartsQuery, UploadedParts>
{
    public async ValueTask<UploadedParts> Handle(ListDirectUploadPartsQuery query, CancellationToken cancellationToken)
    {
        if (!store.IsAvailable) throw new UploadRejectedException(DirectUploads.NeedsS3);
        var upload = await db.DirectUploads.AsNoTracking()
            .Usable(query.UserId, query.BoxId, query.UploadId, clock.GetUtcNow().UtcDateTime)
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();
        var parts = upload.MultipartUploadId is { } multipartId
            ? await store.ListPartsAsync(upload.FileKey, multipartId, cancellationToken)
            : [];
        return new UploadedParts(upload.Id, upload.PartSize, parts.Select(p => new UploadedPart(p.PartNumber, p.ETag, p.Size)).ToList());
    }
}
