using Microsoft.AspNetCore.OutputCaching;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Delivery;

namespace PatentWeek.Cms.Site;

/// <summary>
/// The output cache's tags: each cached page or API answer names what it shows, so a change evicts exactly the
/// answers that show the item — its own page (at every slug it had), its kind's lists, its city's page, the topic
/// pages of its tags, the home page, and the lists that may show any item — and leaves every other item's page.
/// </summary>
public static class CacheTags
{
    public const string Home = "home";

    /// <summary>
    /// Every cached public page and API answer, tagged by the output cache policy itself (so even an answer that names no
    /// tag of its own, such as the API's site answer, carries it): what a theme change or a change of the site's identity (footer, title) evicts.
    /// </summary>
    public const string Site = "site";

    /// <summary>The cities index, which counts every city's stories and events.</summary>
    public const string Cities = "cities";

    /// <summary>The editions index (it shows the editions themselves, not their items).</summary>
    public const string Editions = "editions";

    /// <summary>Lists that may show an item of any kind, city or tag (the delivery API's list without a kind).</summary>
    public const string Lists = "lists";

    /// <summary>
    /// Search results (pages and API answers): evicted by the index itself once it has taken a change in, since results
    /// read the index, and an answer cached between the change and its indexing would otherwise stay stale.
    /// </summary>
    public const string Search = "search";

    /// <summary>The sitemap: it lists every item's address, so any change to what is published changes it.</summary>
    public const string Sitemap = "sitemap";

    /// <summary>An item's page and its API answer, by address (kind and slug), so a renamed item's old address goes too.</summary>
    public static string Item(string kind, string slug) => $"item:{kind}/{slug}";

    public static string KindList(string kind) => $"list:{kind}";

    public static string City(string code) => $"city:{code}";

    /// <summary>The pages gathering the items of a tag (a topic's page).</summary>
    public static string Tag(string tag) => $"tag:{tag}";

    /// <summary>Every answer that may show an item at these places.</summary>
    public static IReadOnlyList<string> Of(ContentPlaces places)
    {
        ArgumentNullException.ThrowIfNull(places);
        return
        [
            Home, Lists, Sitemap, KindList(places.Kind),
            .. places.Slugs.Select(slug => Item(places.Kind, slug)),
            .. places.Cities.Select(City),
            .. places.Cities.Count > 0 ? new[] { Cities } : [],
            .. places.Tags.Select(Tag),
        ];
    }

    /// <summary>
    /// The one tag a list needs: any item it can show has its kind, else its city, else its tag, and each of those is
    /// evicted when such an item changes; a list without a filter can show anything.
    /// </summary>
    public static string Of(ContentFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return filter switch
        {
            { Kind: { } kind } => KindList(kind.ToName()),
            { City: { } city } => City(city),
            { Tag: { } tag } => Tag(tag),
            _ => Lists,
        };
    }

    /// <summary>Tags the answer being built (when it is cached at all: a preview is not).</summary>
    public static void Add(HttpContext http, params IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Features.Get<IOutputCacheFeature>() is not { } cache)
            return;
        foreach (var tag in tags)
            cache.Context.Tags.Add(tag);
    }
}
