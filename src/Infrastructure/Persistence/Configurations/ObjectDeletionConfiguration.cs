using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AssetManager.Infrastructure.Persistence.Configurations;

internal sealed class ObjectDeletionConfiguration : IEntityTypeConfiguration<ObjectDeletion>
{
    public void Configure(EntityTypeBuilder<ObjectDeletion> builder)
    {
        builder.ToTable(ObjectDeletionTrigger.Table);
        builder.Property(d => d.ObjectKey).HasMaxLength(512);
        builder.HasIndex(d => d.RequestedAt);
    }
}
