using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Delivery;

/// <summary>
/// The query string of <c>GET /api/v1/content</c>. Bound as text and checked here, so a bad value gets a
/// 400 that says which parameter is wrong and why, instead of a bare binding failure.
/// </summary>
public sealed record ContentListQuery(
    [property: FromQuery(Name = "kind"), ContentKindName] string? Kind,
    [property: FromQuery(Name = "city"), Description("6-digit city code, e.g. 420100")] string? City,
    [property: FromQuery(Name = "tag"), Description("Items carrying this tag")] string? Tag,
    [property: FromQuery(Name = "edition"), Description("Edition number; default: the current edition")] string? Edition,
    [property: FromQuery(Name = "page"), Description("1-based page number; default 1")] string? Page,
    [property: FromQuery(Name = "pageSize"), Description("1 to 100; default 20")] string? PageSize,
    [property: FromQuery(Name = "from"), Description("First day (yyyy-MM-dd, Beijing time): events still on that day or later, other items published on it or later")] string? From = null,
    [property: FromQuery(Name = "to"), Description("Last day (yyyy-MM-dd, Beijing time): events starting that day or earlier, other items published on it or earlier")] string? To = null)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public bool TryValidate(out ContentFilter filter, out Dictionary<string, string[]> errors)
    {
        errors = [];
        ContentKind? kind = null;
        if (Kind is not null)
        {
            if (ContentKinds.TryParseKind(Kind, out var k))
                kind = k;
            else
                errors["kind"] = [$"kind must be one of {string.Join(", ", ContentKinds.Names)}."];
        }

        if (City is not null && (City.Length != 6 || !City.All(char.IsAsciiDigit)))
            errors["city"] = ["city must be a 6-digit city code, such as 420100."];
        if (Tag is { Length: 0 or > 64 })
            errors["tag"] = ["tag must be 1 to 64 characters."];

        var edition = Number(Edition, "edition", 1, 9999, null, errors);
        var page = Number(Page, "page", 1, 100_000, 1, errors);
        var pageSize = Number(PageSize, "pageSize", 1, MaxPageSize, DefaultPageSize, errors);

        var from = Day(From, "from", errors);
        var to = Day(To, "to", errors);
        if (from > to)
            errors["from"] = ["from must be on or before to."];

        filter = new ContentFilter(edition, kind, City, Tag, page ?? 1, pageSize ?? DefaultPageSize, from, to);
        return errors.Count == 0;
    }

    private static DateOnly? Day(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (text is null)
            return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day;
        errors[name] = [$"{name} must be a date such as 2019-12-01 (yyyy-MM-dd)."];
        return null;
    }

    private static int? Number(string? text, string name, int min, int max, int? fallback, Dictionary<string, string[]> errors)
    {
        if (text is null)
            return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        errors[name] = [$"{name} must be a whole number from {min} to {max}."];
        return fallback;
    }
}

/// <summary>
/// A checked content filter. <see cref="Edition"/> null means the current edition. <see cref="From"/> and
/// <see cref="To"/> are whole Beijing days, both included: an event matches when it takes place on one of
/// them (from its start to its end), any other item when it was published on one of them.
/// </summary>
public sealed record ContentFilter(
    int? Edition, ContentKind? Kind, string? City, string? Tag, int Page, int PageSize, DateOnly? From = null, DateOnly? To = null)
{
    /// <summary>The first instant (UTC) of <see cref="From"/>, or null.</summary>
    public DateTime? FromUtc => From is { } d ? BeijingTime.ToUtc(d.ToDateTime(TimeOnly.MinValue)) : null;

    /// <summary>The first instant (UTC) after <see cref="To"/>, or null.</summary>
    public DateTime? BeforeUtc => To is { } d ? BeijingTime.ToUtc(d.AddDays(1).ToDateTime(TimeOnly.MinValue)) : null;
}
