using PatentWeek.Cms.Content;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Delivery;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Site.Feeds;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Site;

/// <summary>
/// The public pages: the theme's templates fed with the delivery API's own DTOs. They set no cookies and
/// keep no per-request state, so a page can be cached whole.
/// </summary>
public static class SitePages
{
    private const string KindPattern = KindRouteConstraint.Name;

    public static IEndpointRouteBuilder MapSitePages(this IEndpointRouteBuilder app)
    {
        var site = app.MapGroup("").ExcludeFromDescription().CacheOutput(OutputCaching.PublicPolicy);
        site.MapGet("/", Home);
        site.MapGet($"/{{kind:{KindPattern}}}/{{slug}}", CurrentEditionItem);
        site.MapGet($"/{{edition:int}}/{{kind:{KindPattern}}}/{{slug}}", EditionItem);
        site.MapGet("/city/{code:regex(^\\d{{6}}$)}", CityPage);
        app.MapGet("/preview/{token}", PreviewPage).ExcludeFromDescription();
        app.MapSiteFeeds();
        // Every unmatched path outside the APIs, file-like ones (/wp-login.php) included, gets the friendly
        // page. API paths are left to routing, which answers 404, 405 or 415 as problem+json.
        app.MapFallback("{*path:regex(^(?!api(/|$)))}", NotFound);
        return app;
    }

    private static async Task<IResult> Home(ContentQueries queries, ThemeRenderer theme, HttpContext http, CancellationToken cancellationToken)
    {
        CacheTags.Add(http, CacheTags.Home);
        var edition = await queries.CurrentEditionAsync(cancellationToken);
        if (edition is null)
            return await Page(theme, null, "404", new() { ["message"] = "站点尚未设置届次。", ["page_title"] = "页面不存在" }, StatusCodes.Status404NotFound);

        async Task<IReadOnlyList<ContentSummaryDto>> List(ContentKind? kind, int size, bool pinnedFirst = false) =>
            (await queries.ListAsync(edition, new ContentFilter(null, kind, null, null, 1, size), pinnedFirst, cancellationToken)).Items;

        var latest = await List(null, 12, pinnedFirst: true);
        return await Page(theme, edition, "home", new()
        {
            ["lead"] = latest.Where(i => i.Pinned).ToList(),
            ["news"] = await List(ContentKind.News, 10),
            ["topics"] = await List(ContentKind.Topic, 10),
            ["stories"] = await List(ContentKind.Story, 6),
            ["events"] = await List(ContentKind.Event, 6),
            ["videos"] = await List(ContentKind.Video, 3),
            ["cities"] = await queries.CitiesAsync(cancellationToken),
        });
    }

    private static async Task<IResult> CurrentEditionItem(
        string kind, string slug, ContentQueries queries, ThemeRenderer theme, PublicUrls urls, HttpContext http, CancellationToken cancellationToken) =>
        await ItemPage(await queries.CurrentEditionAsync(cancellationToken), kind, slug, queries, theme, urls, http, cancellationToken);

    private static async Task<IResult> EditionItem(
        int edition, string kind, string slug, ContentQueries queries, ThemeRenderer theme, PublicUrls urls, HttpContext http, CancellationToken cancellationToken) =>
        await ItemPage(await queries.EditionAsync(edition, cancellationToken), kind, slug, queries, theme, urls, http, cancellationToken);

    private static async Task<IResult> ItemPage(
        Edition? edition, string kind, string slug, ContentQueries queries, ThemeRenderer theme, PublicUrls urls, HttpContext http, CancellationToken cancellationToken)
    {
        if (edition is null || !Content.ContentKinds.TryParseKind(kind, out var k))
            return await NotFoundPage(theme, edition);
        // Tagged by address: the cached page goes when the item there changes, or moves to another slug.
        CacheTags.Add(http, CacheTags.Item(k.ToName(), slug));
        var item = await queries.GetAsync(edition, k, slug, cancellationToken);
        if (item is null)
        {
            // Links shared in WeChat never die: an old slug redirects for good.
            var renamed = await queries.RenamedToAsync(edition, k, slug, cancellationToken);
            return renamed is null
                ? await NotFoundPage(theme, edition)
                : Results.Redirect(ContentQueries.Url(edition, k, renamed), permanent: true);
        }

        // A topic page gathers the items that share its tags.
        var related = new List<ContentSummaryDto>();
        if (item.Kind == "topic")
        {
            foreach (var tag in item.Tags)
            {
                CacheTags.Add(http, CacheTags.Tag(tag));
                var tagged = await queries.ListAsync(edition, new ContentFilter(null, null, null, tag, 1, 50), cancellationToken: cancellationToken);
                related.AddRange(tagged.Items.Where(i => i.Url != item.Url && related.TrueForAll(r => r.Url != i.Url)));
            }
        }

        return await Page(theme, edition, Content.Types.ContentTypes.Of(k).Template, new()
        {
            ["item"] = item, ["related"] = related, ["page_title"] = item.Title, ["page_description"] = item.Summary,
            ["canonical_url"] = urls.Absolute(item.Url),
        });
    }

    /// <summary>An unpublished item through a preview link: never cached, never indexed, marked as a preview.</summary>
    private static async Task<IResult> PreviewPage(
        string token, PreviewLinks links, ContentQueries queries, ThemeRenderer theme, HttpContext http, CancellationToken cancellationToken)
    {
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        var item = links.Read(token) is { } id ? await queries.PreviewAsync(id, cancellationToken) : null;
        var edition = await queries.CurrentEditionAsync(cancellationToken);
        if (item is null)
            return await NotFoundPage(theme, edition);
        return await Page(theme, edition, "item", new()
        {
            ["item"] = item, ["related"] = new List<ContentSummaryDto>(), ["page_title"] = "预览：" + item.Title, ["preview"] = true,
        }, cacheable: false);
    }

    private static async Task<IResult> CityPage(string code, ContentQueries queries, ThemeRenderer theme, HttpContext http, CancellationToken cancellationToken)
    {
        CacheTags.Add(http, CacheTags.City(code));
        var edition = await queries.CurrentEditionAsync(cancellationToken);
        var city = (await queries.CitiesAsync(cancellationToken)).FirstOrDefault(c => c.Code == code);
        if (edition is null || city is null)
            return await NotFoundPage(theme, edition);

        var items = await queries.ListAsync(edition, new ContentFilter(null, null, code, null, 1, 50), cancellationToken: cancellationToken);
        return await Page(theme, edition, "city", new() { ["city"] = city, ["items"] = items.Items, ["page_title"] = city.Name });
    }

    private static async Task<IResult> NotFound(HttpContext context, ContentQueries queries, ThemeRenderer theme) =>
        await NotFoundPage(theme, await queries.CurrentEditionAsync(context.RequestAborted));

    private static Task<IResult> NotFoundPage(ThemeRenderer theme, Edition? edition) =>
        Page(theme, edition, "404", new() { ["page_title"] = "页面不存在" }, StatusCodes.Status404NotFound);

    private static async Task<IResult> Page(
        ThemeRenderer theme, Edition? edition, string template, Dictionary<string, object?> model, int status = StatusCodes.Status200OK, bool cacheable = true)
    {
        model["site"] = edition is null ? null : ContentQueries.ToSite(edition);
        var html = await theme.RenderAsync(edition?.Theme, template, model);
        return new HtmlPage(html, status, cacheable);
    }
}
