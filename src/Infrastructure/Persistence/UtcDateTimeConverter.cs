using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AssetManager.Infrastructure.Persistence;

/// <summary>Stores UTC and reads back DateTime values marked as UTC.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
