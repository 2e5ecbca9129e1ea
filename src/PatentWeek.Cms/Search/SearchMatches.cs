using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Data;

namespace PatentWeek.Cms.Search;

/// <summary>
/// One matching document, as each provider's index finds it: <see cref="Tier"/> 0 when the whole query is in the title,
/// 1 in the summary, 2 in the body only. Filters and order are applied to these rows by LINQ, the same on both providers.
/// </summary>
public sealed record SearchMatch(int Id, int Tier, DateTime SortAt, int EditionId, string Kind, string? CityCode, bool IsPublic);

/// <summary>A matching document and its rank tier, straight from the index (the public search filters and orders them in memory).</summary>
public sealed record SearchHit(int Id, int Tier);

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
                FROM "SearchDocuments" d CROSS JOIN (SELECT CAST({0} AS tsquery) AS q, CAST({1} AS tsquery) AS grams) q
                WHERE d."AllVector" @@ q.grams
                """,
                query.ToTsQuery(), query.ToTsQuery(grams: true));
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

    /// <summary>
    /// Every matching document with its tier, read from the index alone: SQLite answers from the FTS5 table without
    /// touching the documents' rows; PostgreSQL from the GIN index and the small title and summary vectors. A common word
    /// matches nearly every document, and then this is what makes it cheap (see the README's search figures).
    /// </summary>
    public static async Task<List<SearchHit>> HitsAsync(CmsDbContext db, SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        if (!db.Database.IsNpgsql())
        {
            return await db.Database.SqlQueryRaw<SearchHit>(
                """
                SELECT rowid AS "Id",
                       CASE WHEN rowid IN (SELECT rowid FROM SearchFts WHERE SearchFts MATCH {1}) THEN 0
                            WHEN rowid IN (SELECT rowid FROM SearchFts WHERE SearchFts MATCH {2}) THEN 1 ELSE 2 END AS "Tier"
                FROM SearchFts WHERE SearchFts MATCH {0}
                """,
                query.ToFts5(), query.ToFts5("TitleTokens"), query.ToFts5("SummaryTokens")).ToListAsync(cancellationToken);
        }

        // PostgreSQL's cost model does not count detoasting: for a word in most documents it prefers a sequential scan
        // that unpacks every document's whole vector (270 ms on 20,000 items) to the GIN index, which answers a word
        // without looking at the vectors at all (20–50 ms). Within this transaction only, the index is the way.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off", cancellationToken);
        var hits = await db.Database.SqlQueryRaw<SearchHit>(
            """
            SELECT d."ContentItemId" AS "Id",
                   CASE WHEN d."TitleVector" @@ q.q THEN 0 WHEN d."SummaryVector" @@ q.q THEN 1 ELSE 2 END AS "Tier"
            FROM "SearchDocuments" d CROSS JOIN (SELECT CAST({0} AS tsquery) AS q, CAST({1} AS tsquery) AS grams) q
            WHERE d."AllVector" @@ q.grams
            """,
            query.ToTsQuery(), query.ToTsQuery(grams: true)).ToListAsync(cancellationToken);
        if (transaction is not null)
            await transaction.CommitAsync(cancellationToken);
        return hits;
    }

    /// <summary>The order of results: whole query in the title, then the summary, then the body; newer first; then id.</summary>
    /// <remarks><see cref="Ranked{T}(IEnumerable{T}, Func{T, int}, Func{T, DateTime}, Func{T, int})"/> is the same order in memory.</remarks>
    public static IOrderedQueryable<SearchMatch> Ranked(this IQueryable<SearchMatch> matches) =>
        matches.OrderBy(m => m.Tier).ThenByDescending(m => m.SortAt).ThenBy(m => m.Id);

    /// <summary>The order of <see cref="Ranked(IQueryable{SearchMatch})"/>, for results held in memory.</summary>
    public static IOrderedEnumerable<T> Ranked<T>(this IEnumerable<T> results, Func<T, int> tier, Func<T, DateTime> sortAt, Func<T, int> id) =>
        results.OrderBy(tier).ThenByDescending(sortAt).ThenBy(id);
}
