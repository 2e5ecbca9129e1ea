using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PatentWeek.Cms.Data;

/// <summary>Stores instants as UTC and marks them UTC when read back, on every provider.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
