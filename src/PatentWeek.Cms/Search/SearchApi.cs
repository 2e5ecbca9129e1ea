using Microsoft.AspNetCore.Http.HttpResults;
using PatentWeek.Cms.Delivery;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Search;

/// <summary><c>GET /api/v1/search</c>: the delivery API's search, in its cached, ETagged group.</summary>
public static class SearchApi
{
    public static RouteGroupBuilder MapSearchApi(this RouteGroupBuilder api)
    {
        api.MapGet("/search", Search).WithName("Search")
            .WithSummary("Published items of an edition matching a query, best first, each with a snippet marking the hits")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public static async Task<Results<Ok<SearchPageDto>, ValidationProblem, ProblemHttpResult>> Search(
        [AsParameters] SearchRequest request, ContentQueries queries, PublicSearch search, HttpContext http, CancellationToken cancellationToken)
    {
        if (!request.TryValidate(out var query, out var filter, out var errors, out var refusal))
        {
            return TypedResults.ValidationProblem(errors, detail: refusal?.Detail, title: "The query string is not valid.",
                extensions: refusal is null ? null : new Dictionary<string, object?> { ["code"] = refusal.Code });
        }
        // Search: evicted once the index has a change. Lists: a card's picture or title may change with no index change.
        Site.CacheTags.Add(http, Site.CacheTags.Search, Site.CacheTags.Lists);

        var edition = await queries.EditionAsync(filter.Edition, cancellationToken);
        if (edition is null)
            return Problems.NotFound($"There is no edition {filter.Edition}.");
        return TypedResults.Ok(await search.SearchAsync(edition, query, filter, cancellationToken));
    }
}
