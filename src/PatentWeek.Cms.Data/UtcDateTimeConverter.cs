using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PatentWeek.Cms.Data;

/// <summary>Stores instants as UTC and marks them UTC when read back, on every provider.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    // Unspecified is taken as UTC, never as the server's local time: the server's zone plays no part.
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
