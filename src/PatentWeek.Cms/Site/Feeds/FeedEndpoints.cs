using System.Globalization;
using System.Text;
using System.Xml.Linq;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Delivery;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Site.Feeds;

/// <summary>
/// The site's feeds (RSS at <c>…/feed.xml</c>, Atom at <c>…/atom.xml</c>: the whole site, a kind, a city, a topic; older
/// editions under <c>/{edition}</c>), the sitemap, robots.txt and the favicon. Feeds and sitemap are cached whole and
/// tagged with what they show, so <see cref="PublicCacheEviction"/> drops them when that changes.
/// </summary>
public static class FeedEndpoints
{
    private const string KindPattern = KindRouteConstraint.Name;

    private static readonly (string File, FeedFormat Format)[] Formats = [("feed.xml", FeedFormat.Rss), ("atom.xml", FeedFormat.Atom)];

    public static IServiceCollection AddSiteFeeds(this IServiceCollection services)
    {
        services.AddScoped<FeedQueries>();
        services.AddScoped<Sitemap>();
        services.AddSingleton<SiteRoutes>();
        return services;
    }

    public static IEndpointRouteBuilder MapSiteFeeds(this IEndpointRouteBuilder app)
    {
        var site = app.MapGroup("").ExcludeFromDescription().CacheOutput(OutputCaching.PublicPolicy);
        foreach (var prefix in (string[])["", "/{edition:int}"])
        {
            foreach (var (file, format) in Formats)
            {
                site.MapGet($"{prefix}/{file}", (HttpContext http, FeedQueries feeds, ContentQueries queries, PublicUrls urls, SiteIdentity identity, CancellationToken ct) =>
                    WholeSite(http, format, feeds, queries, urls, identity, ct));
                site.MapGet($"{prefix}/{{kind:{KindPattern}}}/{file}", (string kind, HttpContext http, FeedQueries feeds, ContentQueries queries, PublicUrls urls, SiteIdentity identity, CancellationToken ct) =>
                    OfKind(kind, http, format, feeds, queries, urls, identity, ct));
                site.MapGet($"{prefix}/city/{{code}}/{file}", (string code, HttpContext http, FeedQueries feeds, ContentQueries queries, PublicUrls urls, SiteIdentity identity, CancellationToken ct) =>
                    OfCity(code, http, format, feeds, queries, urls, identity, ct));
                site.MapGet($"{prefix}/topic/{{slug}}/{file}", (string slug, HttpContext http, FeedQueries feeds, ContentQueries queries, PublicUrls urls, SiteIdentity identity, CancellationToken ct) =>
                    OfTopic(slug, http, format, feeds, queries, urls, identity, ct));
            }
        }

        site.MapGet("/sitemap.xml", (Sitemap sitemap, PublicUrls urls, HttpContext http, CancellationToken ct) => SitemapFile(null, sitemap, urls, http, ct));
        site.MapGet("/sitemap-{file:int}.xml", (int file, Sitemap sitemap, PublicUrls urls, HttpContext http, CancellationToken ct) => SitemapFile(file, sitemap, urls, http, ct));
        site.MapGet("/robots.txt", RobotsTxt);
        site.MapGet("/favicon.ico", Favicon);
        return app;
    }

    private static async Task<IResult> WholeSite(HttpContext http, FeedFormat format, FeedQueries feeds, ContentQueries queries, PublicUrls urls, SiteIdentity identity, CancellationToken ct)
    {
        CacheTags.Add(http, CacheTags.Lists);
        if (await EditionAsync(http, queries, ct) is not { } edition)
            return NotFound();
        var site = await identity.CurrentAsync(ct);
        return Feed(http, format, urls, site, site.NameOf(edition), edition.Slogan, Home(edition),
            await feeds.NewestAsync(edition, new FeedScope(), ct));
    }

    private static async Task<IResult> OfKind(string kind, HttpContext http, FeedFormat format, FeedQueries feeds, ContentQueries queries, PublicUrls urls, SiteIdentity identity, CancellationToken ct)
    {
        if (ContentTypes.Find(kind) is not { HasFeed: true } type)
            return NotFound();
        CacheTags.Add(http, CacheTags.KindList(type.Name));
        if (await EditionAsync(http, queries, ct) is not { } edition)
            return NotFound();
        var page = type.HasListPage ? Home(edition).TrimEnd('/') + "/" + type.Name : Home(edition);
        var site = await identity.CurrentAsync(ct);
        return Feed(http, format, urls, site, $"{type.Label} - {site.NameOf(edition)}", edition.Slogan, page,
            await feeds.NewestAsync(edition, new FeedScope([type.Kind]), ct));
    }

    /// <summary>A city's stories and events (the kinds that belong to a city), nothing else.</summary>
    private static async Task<IResult> OfCity(string code, HttpContext http, FeedFormat format, FeedQueries feeds, ContentQueries queries, PublicUrls urls, SiteIdentity identity, CancellationToken ct)
    {
        CacheTags.Add(http, CacheTags.City(code));
        var edition = await EditionAsync(http, queries, ct);
        var city = (await queries.CitiesAsync(ct)).FirstOrDefault(c => c.Code == code);
        if (edition is null || city is null)
            return NotFound();
        var site = await identity.CurrentAsync(ct);
        return Feed(http, format, urls, site, $"{city.Name} - {site.NameOf(edition)}", $"{city.Name}的市州亮点和活动", Home(edition).TrimEnd('/') + "/city/" + code,
            await feeds.NewestAsync(edition, new FeedScope(ContentTypes.CityBound, City: code), ct));
    }

    /// <summary>The items carrying the topic's tags, as its page lists them.</summary>
    private static async Task<IResult> OfTopic(string slug, HttpContext http, FeedFormat format, FeedQueries feeds, ContentQueries queries, PublicUrls urls, SiteIdentity identity, CancellationToken ct)
    {
        CacheTags.Add(http, CacheTags.Item(ContentKind.Topic.ToName(), slug));
        var edition = await EditionAsync(http, queries, ct);
        var topic = edition is null ? null : await queries.GetAsync(edition, ContentKind.Topic, slug, ct);
        if (edition is null || topic is null)
            return NotFound();
        CacheTags.Add(http, topic.Tags.Select(CacheTags.Tag));
        var entries = topic.Tags.Count == 0 ? [] : await feeds.NewestAsync(edition, new FeedScope(Tags: topic.Tags), ct);
        var site = await identity.CurrentAsync(ct);
        return Feed(http, format, urls, site, $"{topic.Title} - {site.NameOf(edition)}", topic.Summary ?? topic.Title, topic.Url,
            [.. entries.Where(e => e.Url != urls.Absolute(topic.Url))]);
    }

    /// <summary>The feed at the requested address, about the page at <paramref name="page"/>.</summary>
    private static XmlAnswer Feed(
        HttpContext http, FeedFormat format, PublicUrls urls, SiteIdentityDto site, string title, string description, string page, IReadOnlyList<FeedEntry> entries)
    {
        var source = new FeedSource(title, description, urls.Absolute(page), urls.Absolute(http.Request.Path.Value ?? "/"), entries, site.Publisher);
        return new XmlAnswer(SiteFeeds.Write(source, format), SiteFeeds.ContentType(format));
    }

    private static async Task<IResult> SitemapFile(int? file, Sitemap sitemap, PublicUrls urls, HttpContext http, CancellationToken ct)
    {
        CacheTags.Add(http, CacheTags.Sitemap);
        var all = await sitemap.UrlsAsync(ct);
        if (file is { } n && (n < 1 || n > Sitemap.Files(all.Count)))
            return NotFound();
        var document = Sitemap.Document(all, i => urls.Absolute($"/sitemap-{i.ToString(CultureInfo.InvariantCulture)}.xml"), file);
        using var buffer = new MemoryStream();
        document.Save(buffer, SaveOptions.DisableFormatting);
        return new XmlAnswer(buffer.ToArray(), "application/xml; charset=utf-8");
    }

    /// <summary>Everything public may be crawled; the staff's pages, the APIs, previews and the emulator may not.</summary>
    private static XmlAnswer RobotsTxt(HttpContext http, PublicUrls urls)
    {
        var root = http.Request.PathBase.Value ?? "";
        var text = new StringBuilder()
            .Append("User-agent: *\n")
            .Append("Allow: ").Append(root).Append("/\n")
            .Append("Disallow: ").Append(root).Append("/admin\n")
            .Append("Disallow: ").Append(root).Append("/api/\n")
            .Append("Disallow: ").Append(root).Append("/preview/\n")
            .Append("Disallow: ").Append(root).Append("/wechat-emulator\n")
            .Append('\n')
            .Append("Sitemap: ").Append(urls.Absolute("/sitemap.xml")).Append('\n');
        return new XmlAnswer(Encoding.UTF8.GetBytes(text.ToString()), "text/plain; charset=utf-8");
    }

    /// <summary>The current edition's theme's icon (the default theme's when it has none); browsers ask for it on every first visit.</summary>
    private static async Task<IResult> Favicon(HttpContext http, ContentQueries queries, ThemeRenderer theme, CancellationToken ct)
    {
        var edition = await queries.CurrentEditionAsync(ct);
        var path = Path.Combine(theme.ThemeFolder(edition?.Theme), "assets", "favicon.ico");
        if (!File.Exists(path))
            path = Path.Combine(theme.ThemeFolder(null), "assets", "favicon.ico");
        if (!File.Exists(path))
            return NotFound();
        http.Response.Headers.CacheControl = "public, max-age=604800";
        return TypedResults.PhysicalFile(path, "image/x-icon", lastModified: File.GetLastWriteTimeUtc(path));
    }

    private static async Task<Edition?> EditionAsync(HttpContext http, ContentQueries queries, CancellationToken ct) =>
        http.GetRouteValue("edition") is string number
            ? int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? await queries.EditionAsync(n, ct) : null
            : await queries.CurrentEditionAsync(ct);

    /// <summary>The address of an edition's home page: the root for the current edition, <c>/{n}</c> for an older one.</summary>
    private static string Home(Edition edition) => edition.IsCurrent ? "/" : "/" + edition.Number.ToString(CultureInfo.InvariantCulture);

    private static IResult NotFound() => Results.Text("页面不存在", "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status404NotFound);
}
