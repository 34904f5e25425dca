using AssetManager.Domain.Assets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AssetManager.Infrastructure.Persistence.Configurations;

internal sealed class AssetConfiguration : IEntityTypeConfiguration<Asset>
{
    public void Configure(EntityTypeBuilder<Asset> builder)
    {
        builder.Property(a => a.AssetType).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.FileKey).HasMaxLength(512);
        builder.Property(a => a.FileUrl).HasMaxLength(2048);
        builder.Property(a => a.ThumbnailKey).HasMaxLength(512);
        builder.Property(a => a.ThumbnailUrl).HasMaxLength(2048);
        builder.Property(a => a.PreviewKey).HasMaxLength(512);
        builder.Property(a => a.PreviewUrl).HasMaxLength(2048);
        builder.Property(a => a.ChecksumSha256).HasMaxLength(64);
        builder.Property(a => a.Processing).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.ProcessingError).HasMaxLength(Asset.ProcessingErrorMaxLength);
        builder.HasOne(a => a.AiModel).WithMany().HasForeignKey(a => a.AiModelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.BoxId, a.CreatedAt });
        builder.HasIndex(a => a.Processing);
        builder.HasIndex(a => a.ChecksumSha256);
        // Every deleted row hands its stored keys to ObjectDeletions (see ObjectDeletionTrigger); SQL Server must know.
        builder.ToTable(t => t.HasTrigger(ObjectDeletionTrigger.Name));
        builder.Ignore(a => a.Metadata);
    }
}
