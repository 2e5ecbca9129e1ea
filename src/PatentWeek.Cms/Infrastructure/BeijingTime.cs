using System.Globalization;

namespace PatentWeek.Cms.Infrastructure;

/// <summary>
/// The campaign's clock: instants are stored in UTC and entered and shown in Beijing time, whatever the
/// server's own time zone. China has had no daylight saving since 1991, so the offset is fixed.
/// </summary>
public static class BeijingTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToBeijing(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Offset);

    public static DateTimeOffset? ToBeijing(DateTime? utc) => utc is { } t ? ToBeijing(t) : null;

    /// <summary>A wall-clock time in Beijing (any <see cref="DateTime.Kind"/> is ignored) as UTC.</summary>
    public static DateTime ToUtc(DateTime beijingWallClock) =>
        new DateTimeOffset(DateTime.SpecifyKind(beijingWallClock, DateTimeKind.Unspecified), Offset).UtcDateTime;

    public static DateTimeOffset Now(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return time.GetUtcNow().ToOffset(Offset);
    }

    private static readonly string[] WallClockFormats =
        ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"];

    /// <summary>Formats a UTC instant as Beijing wall-clock text that <see cref="TryParse"/> reads back exactly.</summary>
    public static string Format(DateTime utc) =>
        ToBeijing(utc).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');

    /// <summary>
    /// Reads Beijing wall-clock text (<c>2019-11-30 09:00</c>, seconds and fractions optional) or an ISO 8601
    /// instant with an explicit offset, and gives the UTC instant.
    /// </summary>
    public static bool TryParse(string? text, out DateTime utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        text = text.Trim();
        if (DateTime.TryParseExact(text, WallClockFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            utc = ToUtc(local);
            return true;
        }

        if (HasExplicitOffset(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            utc = instant.UtcDateTime;
            return true;
        }

        return false;
    }

    private static bool HasExplicitOffset(string text) =>
        text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
}
