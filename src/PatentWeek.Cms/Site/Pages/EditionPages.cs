using PatentWeek.Cms.Delivery;

namespace PatentWeek.Cms.Site.Pages;

/// <summary><c>/editions</c>: every edition of the campaign, each linked to its home (<c>/</c> for the current one, <c>/{n}</c> for the others).</summary>
internal static class EditionPages
{
    public static RouteGroupBuilder MapEditionPages(this RouteGroupBuilder site)
    {
        site.MapGet("/editions", Editions);
        return site;
    }

    private static async Task<IResult> Editions(SitePageRenderer pages, HttpContext http, CancellationToken cancellationToken)
    {
        // Nothing evicts by the editions tag yet (editions come from the import, to be an admin setting): the index also
        // goes with the home page, at every publish, so a new edition shows once it has content.
        CacheTags.Add(http, CacheTags.Editions, CacheTags.Home);
        var editions = await pages.Queries.EditionsAsync(cancellationToken);
        var current = editions.FirstOrDefault(e => e.IsCurrent) ?? (editions.Count > 0 ? editions[0] : null);
        var links = editions.Select(e => new EditionLinkDto(ContentQueries.ToSite(e), e == current ? "/" : "/" + e.Number, e == current)).ToList();
        return await pages.PageAsync(http, current, "editions", new SiteDocument("历届专利周", $"中国专利周湖北活动的历届专题：共{links.Count}届。", "/editions")
        {
            Crumbs = SiteDocument.From(null, new CrumbDto("历届专利周", null)),
        }, new() { ["editions"] = links });
    }
}
