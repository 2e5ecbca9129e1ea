using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Delivery;

namespace PatentWeek.Cms.Site.Pages;

/// <summary>The cities index, <c>/city</c>, and a city's page, <c>/city/{code}</c>: its stories and its events (and under <c>/{n}/</c>).</summary>
internal static class CityPages
{
    private const string Code = "{code:regex(^\\d{{6}}$)}";
    private const int Shown = 50;

    public static RouteGroupBuilder MapCityPages(this RouteGroupBuilder site)
    {
        site.MapGet("/city", Cities);
        site.MapGet("/{edition:int}/city", Cities);
        site.MapGet("/city/" + Code, CityPage);
        site.MapGet("/{edition:int}/city/" + Code, CityPage);
        return site;
    }

    private static async Task<IResult> Cities(SitePageRenderer pages, HttpContext http, CancellationToken cancellationToken)
    {
        var shown = await pages.EditionAsync(http, cancellationToken);
        if (shown is null)
            return await pages.NotFoundAsync(http, null);
        CacheTags.Add(http, CacheTags.Cities);
        var cities = await pages.Queries.CityCountsAsync(shown, cancellationToken);
        return await pages.PageAsync(http, shown, "cities", new SiteDocument("市州", $"第{shown.Number}届中国专利周全省{cities.Count}个市州的亮点工作与活动。", SiteDocument.Prefix(shown) + "/city")
        {
            Crumbs = SiteDocument.From(shown, new CrumbDto("市州", null)),
        }, new() { ["cities"] = cities });
    }

    private static async Task<IResult> CityPage(string code, SitePageRenderer pages, Campaign.Results.CampaignResults results, HttpContext http, CancellationToken cancellationToken)
    {
        CacheTags.Add(http, CacheTags.City(code));
        var shown = await pages.EditionAsync(http, cancellationToken);
        var city = (await pages.Queries.CitiesAsync(cancellationToken)).FirstOrDefault(c => c.Code == code);
        if (shown is null || city is null)
            return await pages.NotFoundAsync(http, shown);

        async Task<PagedDto<ContentSummaryDto>> Of(ContentKind kind) =>
            await pages.Queries.ListAsync(shown, new ContentFilter(null, kind, code, null, 1, Shown), cancellationToken: cancellationToken);
        var stories = await Of(ContentKind.Story);
        var events = await Of(ContentKind.Event);
        var prefix = SiteDocument.Prefix(shown);
        return await pages.PageAsync(http, shown, "city", new SiteDocument(city.Name, $"{city.Name}在第{shown.Number}届中国专利周期间的亮点工作与活动安排。", $"{prefix}/city/{code}")
        {
            Crumbs = SiteDocument.From(shown, new CrumbDto("市州", prefix + "/city"), new CrumbDto(city.Name, null)),
        }, new()
        {
            ["city"] = city, ["results"] = await results.OfCityAsync(shown, code, cancellationToken), ["stories"] = stories.Items, ["stories_total"] = stories.Total, ["events"] = events.Items, ["events_total"] = events.Total,
        });
    }
}
