using PatentWeek.Cms.Content;
using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Delivery;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Site.Pages;

/// <summary>An item's page, for every kind (<c>/{kind}/{slug}</c>, <c>/{n}/{kind}/{slug}</c>), and the preview of one.</summary>
internal static class ItemPages
{
    private const string KindPattern = KindRouteConstraint.Name;
    private const int Related = 5;
    private const int TopicItems = 50;

    public static RouteGroupBuilder MapItemPages(this RouteGroupBuilder site)
    {
        site.MapGet($"/{{kind:{KindPattern}}}/{{slug}}", ItemPage);
        site.MapGet($"/{{edition:int}}/{{kind:{KindPattern}}}/{{slug}}", ItemPage);
        return site;
    }

    private static async Task<IResult> ItemPage(
        string kind, string slug, SitePageRenderer pages, HttpContext http, CancellationToken cancellationToken)
    {
        var shown = await pages.EditionAsync(http, cancellationToken);
        if (shown is null || !ContentKinds.TryParseKind(kind, out var k))
            return await pages.NotFoundAsync(http, shown);
        // Tagged by address: the cached page goes when the item there changes, or moves to another slug.
        CacheTags.Add(http, CacheTags.Item(k.ToName(), slug));
        var item = await pages.Queries.GetAsync(shown, k, slug, cancellationToken);
        if (item is null)
        {
            // Links shared in WeChat never die: an old slug redirects for good.
            var renamed = await pages.Queries.RenamedToAsync(shown, k, slug, cancellationToken);
            return renamed is null
                ? await pages.NotFoundAsync(http, shown)
                : Results.Redirect(http.Request.PathBase + ContentQueries.Url(shown, k, renamed), permanent: true);
        }

        // A topic page gathers the items that share its tags (and goes when one of them changes); any other item
        // shows a few related ones, and the items before and after it in its kind.
        var topic = k == ContentKind.Topic;
        if (topic)
            CacheTags.Add(http, item.Tags.Select(CacheTags.Tag));
        var related = await pages.Queries.RelatedAsync(shown, item, topic ? TopicItems : Related, sameCity: !topic, cancellationToken);
        var (previous, next) = await pages.Queries.NeighboursAsync(shown, k, slug, cancellationToken);
        // The page links to these items: it goes when one of them changes or leaves (a new neighbour evicts it too,
        // see PublicCacheEviction).
        CacheTags.Add(http, related.Select(r => CacheTags.Item(r.Kind, r.Slug)));
        CacheTags.Add(http, new[] { previous, next }.OfType<ContentLinkDto>().Select(l => CacheTags.Item(k.ToName(), l.Slug)));

        return await ShowAsync(http, pages, shown, item, related, previous, next, preview: false);
    }

    internal static async Task<IResult> ShowAsync(
        HttpContext http, SitePageRenderer pages, Edition edition, ContentDto item, IReadOnlyList<ContentSummaryDto> related,
        ContentLinkDto? previous, ContentLinkDto? next, bool preview)
    {
        var type = ContentTypes.Find(item.Kind)!;
        var prefix = SiteDocument.Prefix(edition);
        // Stories and events belong to a city: 首页 › 市州 › city › title; other kinds: 首页 › their list › title.
        var crumbs = type.CityBound && item.City is { } city
            ? SiteDocument.From(edition, new CrumbDto("市州", prefix + "/city"), new CrumbDto(city.Name, $"{prefix}/city/{city.Code}"), new CrumbDto(item.Title, null))
            : type.HasListPage
                ? SiteDocument.From(edition, new CrumbDto(type.ListTitle, $"{prefix}/{type.Name}"), new CrumbDto(item.Title, null))
                : SiteDocument.From(edition, new CrumbDto(item.Title, null));
        var image = pages.ImageOf(edition, item.CoverImage?.Src);
        var url = pages.Absolute(item.Url);
        var identity = await pages.IdentityAsync();
        var document = new SiteDocument(preview ? "预览：" + item.Title : item.Title, item.Summary ?? $"第{edition.Number}届中国专利周{type.Label}：{item.Title}", item.Url)
        {
            Crumbs = crumbs,
            Image = item.CoverImage?.Src,
            OgType = "article",
            // A preview is never indexed: no structured data for it.
            JsonLd = item.Kind == "news" && !preview ? SiteDocument.NewsArticle(item, url, image, identity.Publisher) : null,
        };
        return await pages.PageAsync(http, edition, type.Template, document, new()
        {
            ["item"] = item, ["related"] = related, ["related_title"] = item.Kind == "topic" ? "专题内容" : "相关内容",
            ["previous"] = previous, ["next"] = next, ["list_url"] = type.HasListPage ? $"{prefix}/{type.Name}" : null,
            ["preview"] = preview, ["share_url"] = url,
        }, cacheable: !preview);
    }

    /// <summary>An unpublished item through a preview link: never cached, never indexed, marked as a preview.</summary>
    internal static async Task<IResult> PreviewPage(
        string token, PreviewLinks links, SitePageRenderer pages, HttpContext http, CancellationToken cancellationToken)
    {
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        var item = links.Read(token) is { } id ? await pages.Queries.PreviewAsync(id, cancellationToken) : null;
        var edition = await pages.Queries.CurrentEditionAsync(cancellationToken);
        if (item is null || edition is null)
            return await pages.NotFoundAsync(http, edition);
        return await ShowAsync(http, pages, edition, item, [], null, null, preview: true);
    }
}
