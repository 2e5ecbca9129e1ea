using PatentWeek.Cms.Content;
using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Delivery;

namespace PatentWeek.Cms.Site.Pages;

/// <summary>
/// A kind's list, <c>/{kind}</c> (and <c>/{n}/{kind}</c>), for each kind whose registry entry has a list page, 20 a page.
/// The events calendar maps <c>/event</c> itself as a literal route, which wins; this list stays its fallback.
/// </summary>
internal static class ListPages
{
    private const string KindPattern = KindRouteConstraint.Name;

    public static RouteGroupBuilder MapListPages(this RouteGroupBuilder site)
    {
        site.MapGet($"/{{kind:{KindPattern}}}", KindList);
        site.MapGet($"/{{edition:int}}/{{kind:{KindPattern}}}", KindList);
        return site;
    }

    private static async Task<IResult> KindList(string kind, SitePageRenderer pages, HttpContext http, CancellationToken cancellationToken)
    {
        var shown = await pages.EditionAsync(http, cancellationToken);
        var type = ContentTypes.Find(kind);
        if (shown is null || type is not { HasListPage: true } || SitePageRenderer.PageNumber(http) is not { } page)
            return await pages.NotFoundAsync(http, shown);

        CacheTags.Add(http, CacheTags.KindList(type.Name));
        var items = await pages.Queries.ListAsync(shown, new ContentFilter(null, type.Kind, null, null, page, SitePageRenderer.PageSize), cancellationToken: cancellationToken);
        var path = $"{SiteDocument.Prefix(shown)}/{type.Name}";
        if (SitePageRenderer.Pager(path, page, items.Total) is not { } pager)
            return await pages.NotFoundAsync(http, shown);

        var title = page == 1 ? type.ListTitle : $"{type.ListTitle}（第{page}页）";
        return await pages.PageAsync(http, shown, "list", new SiteDocument(title, $"第{shown.Number}届中国专利周的{type.ListTitle}。", pager.Page == 1 ? path : $"{path}?page={page}")
        {
            Crumbs = SiteDocument.From(shown, new CrumbDto(type.ListTitle, null)),
        }, new()
        {
            ["heading"] = type.ListTitle, ["kind"] = type.Name, ["items"] = items.Items, ["pager"] = pager,
        });
    }
}
