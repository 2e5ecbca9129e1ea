using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Delivery;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Site.Pages;

/// <summary>A breadcrumb: the last one, the page itself, has no link.</summary>
public sealed record CrumbDto(string Name, string? Url);

/// <summary>A list's paging: its links are root-relative without the PathBase (templates put <c>{{ base }}</c> first).</summary>
public sealed record PagerDto(int Page, int Pages, int Total, string? Previous, string? Next);

/// <summary>An edition on the editions index: its home is <c>/</c> for the current one, <c>/{number}</c> for the others.</summary>
public sealed record EditionLinkDto(SiteDto Site, string Url, bool Current);

/// <summary>
/// What every page says about itself in its head (<c>_meta.liquid</c>): its title, description, address, share image
/// and breadcrumbs. <see cref="Path"/> is the page's own address inside the site (edition prefix included, no PathBase).
/// </summary>
public sealed record SiteDocument(string? Title, string Description, string Path)
{
    public IReadOnlyList<CrumbDto> Crumbs { get; init; } = [];

    /// <summary>The share image (a cover's root-relative address); the theme's WeChat cover when null.</summary>
    public string? Image { get; init; }

    public string OgType { get; init; } = "website";

    /// <summary>JSON-LD for the page, already serialised safely (see <see cref="ScriptJson"/>).</summary>
    public string? JsonLd { get; init; }

    // Not the relaxed encoder: '<', '>' and '&' come out as \u003C…, so a title holding </script> cannot end the
    // script element; Chinese stays readable.
    private static readonly JsonSerializerOptions JsonLdOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>Serialises JSON-LD so that it can sit inside a <c>&lt;script&gt;</c> element as is.</summary>
    public static string ScriptJson(object value) => JsonSerializer.Serialize(value, JsonLdOptions);

    /// <summary>The schema.org <c>NewsArticle</c> of a news item.</summary>
    public static string NewsArticle(ContentDto item, string url, string image, string publisher) => ScriptJson(new Dictionary<string, object?>
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "NewsArticle",
        ["headline"] = item.Title,
        ["description"] = item.Summary,
        ["datePublished"] = item.PublishedAt?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
        ["dateModified"] = item.UpdatedAt.ToOffset(BeijingTime.Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
        ["image"] = new[] { image },
        ["mainEntityOfPage"] = url,
        ["author"] = new Dictionary<string, string> { ["@type"] = item.Author is null ? "Organization" : "Person", ["name"] = item.Author ?? item.Source ?? publisher },
        ["publisher"] = new Dictionary<string, string> { ["@type"] = "Organization", ["name"] = publisher },
    });

    /// <summary>The path prefix of an edition's pages: none for the current edition, <c>/12</c> for the 12th.</summary>
    public static string Prefix(Edition? edition) => edition is null || edition.IsCurrent ? "" : "/" + edition.Number;

    /// <summary>首页 first, linked to the edition's home.</summary>
    public static List<CrumbDto> From(Edition? edition, params IEnumerable<CrumbDto> rest) =>
        [new CrumbDto("首页", Prefix(edition) is { Length: > 0 } p ? p : "/"), .. rest];
}
