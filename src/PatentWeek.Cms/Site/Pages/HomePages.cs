using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Data.Content;

namespace PatentWeek.Cms.Site.Pages;

/// <summary>An edition's home: <c>/</c> for the current edition, <c>/{n}</c> for any other.</summary>
internal static class HomePages
{
    public static RouteGroupBuilder MapHomePages(this RouteGroupBuilder site)
    {
        site.MapGet("/", Home);
        site.MapGet("/{edition:int}", Home);
        return site;
    }

    private static async Task<IResult> Home(SitePageRenderer pages, Campaign.Results.CampaignResults results, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        CacheTags.Add(http, CacheTags.Home);
        var shown = await pages.EditionAsync(http, cancellationToken);
        if (shown is null)
            return http.GetRouteValue("edition") is null
                ? await pages.PageAsync(http, null, "404", new SiteDocument("页面不存在", "站点尚未设置届次。", "/"), new() { ["message"] = "站点尚未设置届次。" }, StatusCodes.Status404NotFound)
                : await pages.NotFoundAsync(http, null);

        var blocks = await pages.Queries.HomeAsync(shown, time.GetUtcNow().UtcDateTime, cancellationToken);
        // The province's totals from the week's first day on: before it there is nothing to count.
        var started = DateOnly.FromDateTime(Infrastructure.BeijingTime.Now(time).DateTime) >= shown.WeekStart;
        var province = started ? await results.OfProvinceAsync(shown, cancellationToken) : null;
        var prefix = SiteDocument.Prefix(shown);
        string ListOf(ContentKind kind) => $"{prefix}/{ContentTypes.Of(kind).Name}";
        return await pages.PageAsync(http, shown, "home", new SiteDocument(null, $"第{shown.Number}届中国专利周：{shown.Slogan}", prefix is "" ? "/" : prefix), new()
        {
            // The no-script text; the page's script counts again in the reader's browser, so a cached page stays right.
            ["campaign_state"] = CampaignState.Now(time, shown.WeekStart, shown.WeekEnd),
            ["province"] = province,
            ["lead"] = blocks.Pinned,
            ["news"] = blocks.News,
            ["topics"] = blocks.Topics,
            ["stories"] = blocks.Stories,
            ["events"] = blocks.Events,
            ["events_upcoming"] = blocks.EventsUpcoming,
            ["videos"] = blocks.Videos,
            ["cities"] = blocks.Cities,
            ["news_url"] = ListOf(ContentKind.News),
            ["topics_url"] = ListOf(ContentKind.Topic),
            ["stories_url"] = ListOf(ContentKind.Story),
            ["events_url"] = ListOf(ContentKind.Event),
            ["videos_url"] = ListOf(ContentKind.Video),
            ["cities_url"] = prefix + "/city",
        });
    }
}
