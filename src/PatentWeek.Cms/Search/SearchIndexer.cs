using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Data.Search;

namespace PatentWeek.Cms.Search;

/// <summary>
/// Keeps <see cref="SearchDocument"/> rows in line with the items: an item not in the trash has one, with its live
/// title, summary and body (a published item's working copy is not searched until it is published); an item in the
/// trash or gone has none. Each provider's index follows the rows (SQLite's triggers, PostgreSQL's generated columns).
/// </summary>
public sealed class SearchIndexer(CmsDbContext db)
{
    private const int Batch = 500;

    /// <summary>Adds, changes or removes the documents of these items, and saves.</summary>
    public async Task RefreshAsync(IReadOnlyCollection<int> itemIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        foreach (var chunk in itemIds.Distinct().Chunk(Batch))
        {
            var items = await db.ContentItems.AsNoTracking().Where(i => chunk.Contains(i.Id))
                .Select(i => new { i.Id, i.EditionId, i.Kind, i.CityCode, i.State, i.DeletedAt, i.PublishedAt, i.UpdatedAt, i.Title, i.Summary, i.Html })
                .ToDictionaryAsync(i => i.Id, cancellationToken);
            var documents = await db.SearchDocuments.Where(d => chunk.Contains(d.ContentItemId)).ToDictionaryAsync(d => d.ContentItemId, cancellationToken);
            foreach (var id in chunk)
            {
                var found = documents.GetValueOrDefault(id);
                if (!items.TryGetValue(id, out var item) || item.DeletedAt is not null)
                {
                    if (found is not null)
                        db.SearchDocuments.Remove(found);
                    continue;
                }

                var document = found ?? db.SearchDocuments.Add(new SearchDocument { ContentItemId = id }).Entity;
                document.EditionId = item.EditionId;
                document.Kind = item.Kind;
                document.CityCode = item.CityCode;
                document.IsPublic = item.State == ContentState.Published;
                document.PublishedAt = item.PublishedAt;
                document.UpdatedAt = item.UpdatedAt;
                Write(document, item.Title, item.Summary ?? "", PlainText.FromHtml(item.Html));
            }
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Every document made again from the items (the CLI's <c>search rebuild</c>); returns how many there are.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await db.SearchDocuments.ExecuteDeleteAsync(cancellationToken);
        var ids = await db.ContentItems.AsNoTracking().Where(i => i.DeletedAt == null).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(cancellationToken);
        await RefreshAsync(ids, cancellationToken);
        return ids.Count;
    }

    private static void Write(SearchDocument document, string title, string summary, string body)
    {
        // Only a changed text is written again (the index is rebuilt for a row only when its tokens change).
        if (document.Title != title)
            (document.Title, document.TitleTokens) = (title, SearchText.Tokens(title));
        if (document.Summary != summary)
            (document.Summary, document.SummaryTokens) = (summary, SearchText.Tokens(summary));
        if (document.Body != body)
            (document.Body, document.BodyTokens) = (body, SearchText.Tokens(body));
    }
}
