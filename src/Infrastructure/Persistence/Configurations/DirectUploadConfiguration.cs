using AssetManager.Domain.Assets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AssetManager.Infrastructure.Persistence.Configurations;

/// <summary>
/// Pending direct uploads. No foreign keys: a row outlives its box or user being deleted, so that the maintenance job
/// still finds what was sent for it and removes it from the store.
/// </summary>
internal sealed class DirectUploadConfiguration : IEntityTypeConfiguration<DirectUpload>
{
    public void Configure(EntityTypeBuilder<DirectUpload> builder)
    {
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).HasMaxLength(DirectUpload.IdLength);
        builder.Property(u => u.FileKey).HasMaxLength(512);
        builder.Property(u => u.FileName).HasMaxLength(255);
        builder.Property(u => u.ContentType).HasMaxLength(64);
        builder.Property(u => u.MultipartUploadId).HasMaxLength(1024);
        builder.HasIndex(u => u.CreatedAt);
        builder.Ignore(u => u.IsMultipart);
        builder.Ignore(u => u.PartCount);
    }
}
