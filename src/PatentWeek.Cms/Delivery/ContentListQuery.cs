using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Data.Content;

namespace PatentWeek.Cms.Delivery;

/// <summary>
/// The query string of <c>GET /api/v1/content</c>. Bound as text and checked here, so a bad value gets a
/// 400 that says which parameter is wrong and why, instead of a bare binding failure.
/// </summary>
public sealed record ContentListQuery(
    [property: FromQuery(Name = "kind"), Description("page, news, topic, video, story or event")] string? Kind,
    [property: FromQuery(Name = "city"), Description("6-digit city code, e.g. 420100")] string? City,
    [property: FromQuery(Name = "tag"), Description("Items carrying this tag")] string? Tag,
    [property: FromQuery(Name = "edition"), Description("Edition number; default: the current edition")] string? Edition,
    [property: FromQuery(Name = "page"), Description("1-based page number; default 1")] string? Page,
    [property: FromQuery(Name = "pageSize"), Description("1 to 100; default 20")] string? PageSize)
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

        filter = new ContentFilter(edition, kind, City, Tag, page ?? 1, pageSize ?? DefaultPageSize);
        return errors.Count == 0;
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

/// <summary>A checked content filter. <see cref="Edition"/> null means the current edition.</summary>
public sealed record ContentFilter(int? Edition, ContentKind? Kind, string? City, string? Tag, int Page, int PageSize);
