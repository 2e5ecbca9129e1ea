using PatentWeek.Cms.Site.Pages;
using PatentWeek.Cms.Site.Feeds;

namespace PatentWeek.Cms.Site;

/// <summary>
/// The public pages: the theme's templates fed with the delivery API's own DTOs. They set no cookies and
/// keep no per-request state, so a page can be cached whole. Each family of pages maps its routes from its own
/// file under <c>Site/Pages/</c>; an older edition's pages are the same handlers under <c>/{edition}/…</c>.
/// </summary>
public static class SitePages
{
    public static IEndpointRouteBuilder MapSitePages(this IEndpointRouteBuilder app)
    {
        var site = app.MapGroup("").ExcludeFromDescription().CacheOutput(OutputCaching.PublicPolicy);
        site.MapHomePages();
        site.MapListPages();
        site.MapItemPages();
        site.MapCityPages();
        site.MapTagPages();
        site.MapEditionPages();
        site.MapEventCalendar();
        site.MapSearchPage();
        app.MapGet("/preview/{token}", ItemPages.PreviewPage).ExcludeFromDescription();
        app.MapSiteFeeds();
        // Every unmatched path outside the APIs, file-like ones (/wp-login.php) included, gets the friendly
        // page. API paths are left to routing, which answers 404, 405 or 415 as problem+json.
        app.MapFallback("{*path:regex(^(?!api(/|$)))}", NotFound);
        return app;
    }

    private static async Task<IResult> NotFound(HttpContext context, SitePageRenderer pages) => await pages.NotFoundAsync(context, null);
}
