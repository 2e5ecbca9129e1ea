using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Data;

namespace PatentWeek.Cms.Search;

/// <summary>
/// One matching document, as each provider's index finds it: <see cref="Tier"/> 0 when the whole query is in the title,
/// 1 in the summary, 2 in the body only. Filters and order are applied to these rows by LINQ, the same on both providers.
/// </summary>
public sealed record SearchMatch(int Id, int Tier, DateTime SortAt, int EditionId, string Kind, string? CityCode, bool IsPublic);

/// <summary>
/// The matches of a query in the provider's own index: SQLite's FTS5 table or PostgreSQL's tsvector columns. The only
/// provider-specific part of search; both get the query as data (an FTS5 expression or a tsquery made from plain tokens
/// by <see cref="SearchQuery"/>), never as SQL text.
/// </summary>
public static class SearchMatches
{
    public static IQueryable<SearchMatch> Of(CmsDbContext db, SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        if (db.Database.IsNpgsql())
        {
            return db.Database.SqlQueryRaw<SearchMatch>(
                """
                SELECT d."ContentItemId" AS "Id",
                       CASE WHEN d."TitleVector" @@ q.q THEN 0 WHEN d."SummaryVector" @@ q.q THEN 1 ELSE 2 END AS "Tier",
                       coalesce(d."PublishedAt", d."UpdatedAt") AS "SortAt", d."EditionId", d."Kind", d."CityCode", d."IsPublic"
                FROM "SearchDocuments" d CROSS JOIN (SELECT CAST({0} AS tsquery) AS q) q
                WHERE d."AllVector" @@ q.q
                """,
                query.ToTsQuery());
        }

        return db.Database.SqlQueryRaw<SearchMatch>(
            """
            SELECT d."ContentItemId" AS "Id",
                   CASE WHEN d."ContentItemId" IN (SELECT rowid FROM SearchFts WHERE SearchFts MATCH {1}) THEN 0
                        WHEN d."ContentItemId" IN (SELECT rowid FROM SearchFts WHERE SearchFts MATCH {2}) THEN 1 ELSE 2 END AS "Tier",
                   coalesce(d."PublishedAt", d."UpdatedAt") AS "SortAt", d."EditionId", d."Kind", d."CityCode", d."IsPublic"
            FROM "SearchDocuments" d
            WHERE d."ContentItemId" IN (SELECT rowid FROM SearchFts WHERE SearchFts MATCH {0})
            """,
            query.ToFts5(), query.ToFts5("TitleTokens"), query.ToFts5("SummaryTokens"));
    }

    /// <summary>The order of results: whole query in the title, then the summary, then the body; newer first; then id.</summary>
    public static IOrderedQueryable<SearchMatch> Ranked(this IQueryable<SearchMatch> matches) =>
        matches.OrderBy(m => m.Tier).ThenByDescending(m => m.SortAt).ThenBy(m => m.Id);
}
