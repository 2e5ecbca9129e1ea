using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Delivery;
using PatentWeek.Cms.Delivery.Published;

namespace PatentWeek.Cms.Search;

/// <summary>
/// Search as the public sees it, for the site and the delivery API alike: the index's hits (<see cref="SearchMatches.HitsAsync"/>)
/// among the published items of one edition, as the published read model holds them, ranked by <see cref="SearchMatches"/>'s
/// order, each shown by its card with its snippet. Filtering, counting and ordering happen in memory on the read model:
/// for a common word the index's hits are most of the campaign, and reading their rows back from the database for each
/// search would cost more than the search itself.
/// </summary>
public sealed class PublicSearch(CmsDbContext db, PublishedSite site)
{
    /// <summary>One page of results of <paramref name="query"/> in <paramref name="edition"/>, filtered by kind and city.</summary>
    public async Task<SearchPageDto> SearchAsync(Edition edition, SearchQuery query, ContentFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(filter);
        var hits = await SearchMatches.HitsAsync(db, query, cancellationToken);
        var published = (await site.GetAsync(cancellationToken)).Of(edition);
        // Only what the read model has is public: a draft, another edition's item or one just unpublished is not in it.
        var found = hits.Select(h => (h.Tier, Entry: published.Find(h.Id)))
            .Where(x => x.Entry is not null && (filter.City is null || x.Entry.CityCode == filter.City))
            .Select(x => (x.Tier, Entry: x.Entry!))
            .ToList();

        // The counts per kind ignore the kind filter: they are the choices next to the results.
        var kinds = found.CountBy(x => x.Entry.Kind).OrderBy(c => c.Key).ToDictionary(c => c.Key.ToName(), c => c.Value, StringComparer.Ordinal);
        var shown = filter.Kind is { } kind ? found.Where(x => x.Entry.Kind == kind).ToList() : found;
        var page = shown.Ranked(x => x.Tier, x => x.Entry.PublishedAtUtc ?? DateTime.MinValue, x => x.Entry.Id)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).Select(x => x.Entry).ToList();

        var ids = page.Select(e => e.Id).ToList();
        var texts = await db.SearchDocuments.AsNoTracking().Where(d => ids.Contains(d.ContentItemId))
            .Select(d => new { d.ContentItemId, d.Summary, d.Body }).ToDictionaryAsync(d => d.ContentItemId, cancellationToken);
        var items = page.Select(e => new SearchHitDto(e.Summary, texts.TryGetValue(e.Id, out var t) ? SearchSnippet.For(query, t.Summary, t.Body) : "")).ToList();
        return new SearchPageDto(items, filter.Page, filter.PageSize, shown.Count, kinds);
    }
}
