using AssetManager.Domain.Boxes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AssetManager.Infrastructure.Persistence.Configurations;

internal sealed class BoxConfiguration : IEntityTypeConfiguration<Box>
{
    public void Configure(EntityTypeBuilder<Box> builder)
    {
        builder.Property(b => b.Name).HasMaxLength(Box.NameMaxLength);
        builder.HasMany(b => b.Assets).WithOne(a => a.Box).HasForeignKey(a => a.BoxId).OnDelete(DeleteBehavior.Cascade);
    }
}
