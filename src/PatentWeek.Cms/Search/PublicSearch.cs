using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Delivery;
using PatentWeek.Cms.Delivery.Published;

namespace PatentWeek.Cms.Search;

/// <summary>
/// Search as the public sees it, for the site and the delivery API alike: the published items of one edition, ranked
/// by <see cref="SearchMatches.Ranked"/>, each shown by its card from the published read model with its snippet.
/// </summary>
public sealed class PublicSearch(CmsDbContext db, PublishedSite site)
{
    /// <summary>One page of results of <paramref name="query"/> in <paramref name="edition"/>, filtered by kind and city.</summary>
    public async Task<SearchPageDto> SearchAsync(Edition edition, SearchQuery query, ContentFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(filter);
        var editionId = edition.Id;
        var matches = SearchMatches.Of(db, query).Where(m => m.IsPublic && m.EditionId == editionId);
        if (filter.City is { } city)
            matches = matches.Where(m => m.CityCode == city);

        // The counts per kind ignore the kind filter: they are the choices next to the results.
        var counts = await matches.GroupBy(m => m.Kind).Select(g => new { Kind = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var kinds = counts
            .Select(c => (Kind: Enum.Parse<ContentKind>(c.Kind), c.Count))
            .OrderBy(c => c.Kind)
            .ToDictionary(c => c.Kind.ToName(), c => c.Count, StringComparer.Ordinal);
        if (filter.Kind is { } kind)
        {
            var name = kind.ToString();
            matches = matches.Where(m => m.Kind == name);
        }
        var total = filter.Kind is { } k ? kinds.GetValueOrDefault(k.ToName()) : counts.Sum(c => c.Count);

        var ids = total <= (filter.Page - 1) * filter.PageSize ? [] : await matches.Ranked()
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).Select(m => m.Id).ToListAsync(cancellationToken);
        var texts = await db.SearchDocuments.AsNoTracking().Where(d => ids.Contains(d.ContentItemId))
            .Select(d => new { d.ContentItemId, d.Summary, d.Body }).ToDictionaryAsync(d => d.ContentItemId, cancellationToken);
        var published = (await site.GetAsync(cancellationToken)).Of(edition);
        // An item the index has and the read model not yet (a publish a moment ago) is left out of this page.
        var items = ids.Select(id => (Entry: published.Find(id), Text: texts.GetValueOrDefault(id)))
            .Where(x => x.Entry is not null && x.Text is not null)
            .Select(x => new SearchHitDto(x.Entry!.Summary, SearchSnippet.For(query, x.Text!.Summary, x.Text.Body)))
            .ToList();
        return new SearchPageDto(items, filter.Page, filter.PageSize, total, kinds);
    }
}
