using PatentWeek.Cms.Delivery;

namespace PatentWeek.Cms.Site.Pages;

/// <summary><c>/tag/{tag}</c>: the published items of any kind carrying the tag, 20 a page; a tag no published item has is no page.</summary>
internal static class TagPages
{
    public static RouteGroupBuilder MapTagPages(this RouteGroupBuilder site)
    {
        site.MapGet("/tag/{tag}", TagPage);
        site.MapGet("/{edition:int}/tag/{tag}", TagPage);
        return site;
    }

    private static async Task<IResult> TagPage(string tag, SitePageRenderer pages, HttpContext http, CancellationToken cancellationToken)
    {
        // The server decodes every escape of the path but %2F (it would split the segment), so a tag with a slash
        // (知识产权/专利), linked as one escaped segment, arrives with %2F still in it.
        tag = tag.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        // Tagged before the lookup: the first item published with the tag evicts a cached "no such tag" too.
        CacheTags.Add(http, CacheTags.Tag(tag));
        var shown = await pages.EditionAsync(http, cancellationToken);
        if (shown is null || SitePageRenderer.PageNumber(http) is not { } page)
            return await pages.NotFoundAsync(http, shown);
        var items = await pages.Queries.ListAsync(shown, new ContentFilter(null, null, null, tag, page, SitePageRenderer.PageSize), cancellationToken: cancellationToken);
        var path = $"{SiteDocument.Prefix(shown)}/tag/{Uri.EscapeDataString(tag)}";
        if (items.Total == 0 || SitePageRenderer.Pager(path, page, items.Total) is not { } pager)
            return await pages.NotFoundAsync(http, shown);

        var title = page == 1 ? $"标签：{tag}" : $"标签：{tag}（第{page}页）";
        return await pages.PageAsync(http, shown, "tag", new SiteDocument(title, $"第{shown.Number}届中国专利周标签为“{tag}”的内容。", page == 1 ? path : $"{path}?page={page}")
        {
            Crumbs = SiteDocument.From(shown, new CrumbDto("标签：" + tag, null)),
        }, new() { ["tag"] = tag, ["items"] = items.Items, ["pager"] = pager });
    }
}
