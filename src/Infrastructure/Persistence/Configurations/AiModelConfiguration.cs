using AssetManager.Domain.AiModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AssetManager.Infrastructure.Persistence.Configurations;

internal sealed class AiModelConfiguration : IEntityTypeConfiguration<AiModel>
{
    public void Configure(EntityTypeBuilder<AiModel> builder)
    {
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.Provider).HasMaxLength(200);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasData(AiModelCatalogue.Seed);
    }
}
