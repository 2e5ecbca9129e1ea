using PatentWeek.Cms.Content;
using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Delivery;
using PatentWeek.Cms.Search;

namespace PatentWeek.Cms.Site.Pages;

/// <summary>A kind among the results, as a filter: its label, how many results it has, and the search narrowed to it.</summary>
public sealed record SearchFacetDto(string Label, int Count, string Url, bool Selected);

/// <summary>A result as the page lists it: the hit and its kind's label.</summary>
public sealed record SearchResultDto(SearchHitDto Hit, string KindLabel);

/// <summary>
/// <c>/search?q=&amp;kind=&amp;city=&amp;edition=&amp;page=</c>: the public search, 20 results a page, with the query kept
/// in the box, the counts per kind as filters, and what to try when nothing was found. A GET form everywhere (the header's
/// box too), so it works without script and each query is one cacheable address; a refused query is a message next to the
/// box, not an error page.
/// </summary>
internal static class SearchPage
{
    public static RouteGroupBuilder MapSearchPage(this RouteGroupBuilder site)
    {
        site.MapGet("/search", Search);
        return site;
    }

    private static async Task<IResult> Search(
        [Microsoft.AspNetCore.Http.AsParameters] SearchRequest request, SitePageRenderer pages, PublicSearch search, HttpContext http, CancellationToken cancellationToken)
    {
        // A page size is the API's choice, not the page's: the page always shows 20. The form sends an empty value for
        // 全部市州; an empty filter is no filter.
        static string? Given(string? value) => string.IsNullOrEmpty(value) ? null : value;
        request = request with { PageSize = null, Page = Given(request.Page), City = Given(request.City), Kind = Given(request.Kind), Edition = Given(request.Edition) };
        var valid = request.TryValidate(out var query, out var filter, out var errors, out var refusal);
        // A query refused is shown with its message; a filter that is not one (kind=x, page=0) is no page.
        if (errors.Keys.Any(k => k != "q"))
            return await pages.NotFoundAsync(http, null);
        var edition = await pages.Queries.EditionAsync(filter.Edition, cancellationToken);
        if (edition is null)
            return await pages.NotFoundAsync(http, null);
        // Search: evicted once the index has a change. Lists: a card's picture or title may change with no index change.
        CacheTags.Add(http, CacheTags.Search, CacheTags.Lists);

        var cities = await pages.Queries.CitiesAsync(cancellationToken);
        var model = new Dictionary<string, object?>
        {
            ["query"] = request.Q?.Trim() ?? "",
            ["kind"] = filter.Kind?.ToName(),
            ["edition_param"] = edition.IsCurrent ? null : edition.Number,
            ["cities"] = cities.Select(c => new FilterOptionDto(c.Code, c.Name, c.Code == filter.City)).ToList(),
            ["robots"] = "noindex, follow",
            ["hide_header_search"] = true,
        };
        var document = new SiteDocument("搜索", $"在第{edition.Number}届中国专利周网站中搜索新闻、专题、市州亮点和活动。", "/search")
        {
            Crumbs = SiteDocument.From(edition, new CrumbDto("搜索", null)),
        };

        // No q at all: the page a person opens to search, with the box and nothing refused yet.
        if (request.Q is null)
            return await pages.PageAsync(http, edition, "search", document, model);
        if (!valid)
        {
            model["refusal"] = refusal!.Message;
            return await pages.PageAsync(http, edition, "search", document, model, StatusCodes.Status400BadRequest, cacheable: false);
        }

        var found = await search.SearchAsync(edition, query, filter with { PageSize = SitePageRenderer.PageSize }, cancellationToken);
        var path = Address(query.Text, filter.Kind, filter.City, edition);
        if (SitePageRenderer.Pager(path, filter.Page, found.Total) is not { } pager)
            return await pages.NotFoundAsync(http, edition);

        var all = new SearchFacetDto("全部", found.Kinds.Values.Sum(), Address(query.Text, null, filter.City, edition), filter.Kind is null);
        model["searched"] = true;
        model["facets"] = (List<SearchFacetDto>)[all, .. found.Kinds.Select(k => ContentTypes.Find(k.Key) is { } type
            ? new SearchFacetDto(type.ListTitle, k.Value, Address(query.Text, type.Kind, filter.City, edition), type.Kind == filter.Kind)
            : null).OfType<SearchFacetDto>()];
        model["results"] = found.Items.Select(h => new SearchResultDto(h, ContentTypes.Find(h.Kind)?.Label ?? h.Kind)).ToList();
        model["pager"] = pager;
        model["filtered"] = filter.Kind is not null || filter.City is not null;
        model["city_name"] = cities.FirstOrDefault(c => c.Code == filter.City)?.Name;
        model["unfiltered_url"] = Address(query.Text, null, null, edition);
        return await pages.PageAsync(http, edition, "search", document with
        {
            Title = filter.Page == 1 ? $"搜索：{query.Text}" : $"搜索：{query.Text}（第{filter.Page}页）",
            Path = filter.Page == 1 ? path : $"{path}&page={filter.Page}",
        }, model);
    }

    /// <summary>The address of a search, its parameters in one order (one cache entry per search, whatever the form sent).</summary>
    internal static string Address(string q, ContentKind? kind, string? city, Data.Campaign.Edition edition)
    {
        var path = "/search?q=" + Uri.EscapeDataString(q);
        if (kind is { } k)
            path += "&kind=" + k.ToName();
        if (city is not null)
            path += "&city=" + city;
        if (!edition.IsCurrent)
            path += "&edition=" + edition.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return path;
    }
}
