using System.Globalization;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Delivery;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Site.Feeds;

/// <summary>One address of the sitemap (absolute) and when what it shows last changed.</summary>
public sealed record SitemapUrl(string Location, DateTimeOffset? LastModified);

/// <summary>
/// Every public address of every edition: homes, kind lists and their pages, items, the cities index and city pages,
/// tag pages and the editions index, each with the time the newest item it shows changed. Families of pages are
/// listed once routing serves them (<see cref="SiteRoutes"/>).
/// </summary>
public sealed class Sitemap(CmsDbContext db, ContentQueries queries, SiteRoutes routes, PublicUrls urls)
{
    /// <summary>The protocol's limit of addresses in one file; past it <c>/sitemap.xml</c> is an index of files.</summary>
    public const int MaxUrlsPerFile = 50_000;

    /// <summary>Items on one page of a kind list (the list pages' own size), to list the pages <c>?page=2…</c>.</summary>
    public const int ListPageSize = 20;

    public static readonly XNamespace Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private sealed record Row(ContentKind Kind, string Slug, string? City, DateTime UpdatedAt, List<string> Tags);

    public async Task<IReadOnlyList<SitemapUrl>> UrlsAsync(CancellationToken cancellationToken)
    {
        var editions = await db.Editions.AsNoTracking().OrderByDescending(e => e.IsCurrent).ThenByDescending(e => e.Number).ToListAsync(cancellationToken);
        var cities = await db.Cities.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Code).Select(c => c.Code).ToListAsync(cancellationToken);
        var result = new List<SitemapUrl>();
        if (routes.Has("editions"))
            result.Add(new(urls.Absolute("/editions"), null));
        foreach (var edition in editions)
        {
            var rows = await queries.Published(edition)
                .Select(i => new Row(i.Kind, i.Slug, i.CityCode, i.UpdatedAt, i.Tags.Select(t => t.Name).ToList()))
                .ToListAsync(cancellationToken);
            result.AddRange(Edition(edition, rows, cities));
        }

        return result;
    }

    private IEnumerable<SitemapUrl> Edition(Edition edition, List<Row> rows, List<string> cities)
    {
        // The current edition lives at the root, older ones under their number, with the same pages.
        var prefix = edition.IsCurrent ? "" : "/" + edition.Number.ToString(CultureInfo.InvariantCulture);
        string[] At(params string[] segments) => edition.IsCurrent ? segments : ["{edition}", .. segments];
        SitemapUrl Url(string path, IEnumerable<Row> shown) =>
            new(urls.Absolute(prefix + path), shown.Select(r => (DateTime?)r.UpdatedAt).Max() is { } t ? BeijingTime.ToBeijing(t) : null);

        if (edition.IsCurrent || routes.Has("{edition}"))
            yield return Url(edition.IsCurrent ? "/" : "", rows);

        foreach (var type in ContentTypes.All.Where(t => t.HasListPage && routes.Has(At("{kind}"))))
        {
            var ofKind = rows.Where(r => r.Kind == type.Kind).ToList();
            yield return Url("/" + type.Name, ofKind);
            // The events calendar shows the week by day, not in pages.
            var pages = type.Kind == ContentKind.Event ? 1 : Math.Max(1, (ofKind.Count + ListPageSize - 1) / ListPageSize);
            for (var page = 2; page <= pages; page++)
                yield return Url($"/{type.Name}?page={page}", ofKind);
        }

        foreach (var row in rows)
            yield return new(urls.Absolute(ContentQueries.Url(edition, row.Kind, row.Slug)), BeijingTime.ToBeijing(row.UpdatedAt));

        if (routes.Has(At("city")))
            yield return Url("/city", rows.Where(r => r.City is not null));
        if (routes.Has(At("city", "*")))
        {
            foreach (var city in cities)
                yield return Url("/city/" + city, rows.Where(r => r.City == city));
        }

        if (routes.Has(At("tag", "*")))
        {
            foreach (var tag in rows.SelectMany(r => r.Tags).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                yield return Url("/tag/" + Uri.EscapeDataString(tag), rows.Where(r => r.Tags.Contains(tag)));
        }
    }

    /// <summary>
    /// The sitemap file: all addresses when they fit in one file; else an index of the files
    /// (<paramref name="fileUrl"/> gives the address of file 1, 2…) and file <paramref name="file"/> itself.
    /// </summary>
    public static XDocument Document(IReadOnlyList<SitemapUrl> all, Func<int, string> fileUrl, int? file = null, int perFile = MaxUrlsPerFile)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(fileUrl);
        if (file is { } n)
            return UrlSet(all.Skip((n - 1) * perFile).Take(perFile));
        if (all.Count <= perFile)
            return UrlSet(all);

        var files = all.Chunk(perFile).Select((chunk, i) => new XElement(Namespace + "sitemap",
            new XElement(Namespace + "loc", fileUrl(i + 1)),
            LastModified(chunk.Max(u => u.LastModified))));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(Namespace + "sitemapindex", files));
    }

    /// <summary>How many files an index of these addresses has (0 when one file holds them all).</summary>
    public static int Files(int count, int perFile = MaxUrlsPerFile) => count <= perFile ? 0 : (count + perFile - 1) / perFile;

    private static XDocument UrlSet(IEnumerable<SitemapUrl> urls) => new(
        new XDeclaration("1.0", "utf-8", null),
        new XElement(Namespace + "urlset", urls.Select(u => new XElement(Namespace + "url",
            new XElement(Namespace + "loc", u.Location),
            LastModified(u.LastModified)))));

    /// <summary>W3C date-time, in UTC.</summary>
    private static XElement? LastModified(DateTimeOffset? time) => time is { } t
        ? new XElement(Namespace + "lastmod", t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
        : null;
}
