using System.Globalization;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Delivery;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Site.Pages;

/// <summary>
/// Renders a public page: the theme's template with the page's model and what every page has (the edition, the
/// PathBase as <c>base</c>, the edition's path prefix, breadcrumbs, description, canonical link, OpenGraph image).
/// </summary>
public sealed class SitePageRenderer(ThemeRenderer theme, PublicUrls urls, ContentQueries queries)
{
    public const int PageSize = 20;

    public ContentQueries Queries => queries;

    /// <summary>
    /// The edition a page shows: the one numbered by the path's <c>{edition:int}</c> (<c>/12/news</c>), or the current one
    /// for a path without a number. Read from the route rather than bound, so one handler serves both routes.
    /// </summary>
    public Task<Edition?> EditionAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var number = http.GetRouteValue("edition") is string text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        return number is null && http.GetRouteValue("edition") is not null ? Task.FromResult<Edition?>(null) : queries.EditionAsync(number, cancellationToken);
    }

    public string Absolute(string path) => urls.Absolute(path);

    public Task<SiteIdentityDto> IdentityAsync() => theme.Identity.CurrentAsync();

    /// <summary>The share image of a page: its cover, else the theme's WeChat cover, as an absolute address.</summary>
    public string ImageOf(Edition? edition, string? cover) =>
        urls.Absolute(cover ?? theme.ShareImage(edition?.Theme));

    public async Task<IResult> PageAsync(
        HttpContext http, Edition? edition, string template, SiteDocument document, Dictionary<string, object?> model,
        int status = StatusCodes.Status200OK, bool cacheable = true)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(model);
        var site = edition is null ? null : ContentQueries.ToSite(edition);
        model["site"] = site;
        model["base"] = http.Request.PathBase.Value ?? "";
        model["prefix"] = SiteDocument.Prefix(edition);
        model["home_url"] = SiteDocument.Prefix(edition) is { Length: > 0 } prefix ? prefix : "/";
        model["page_title"] = document.Title;
        model["page_description"] = document.Description;
        model["canonical_url"] = urls.Absolute(document.Path);
        model["og_type"] = document.OgType;
        model["og_image"] = ImageOf(edition, document.Image);
        model["json_ld"] = document.JsonLd;
        model["crumbs"] = document.Crumbs;
        var identity = await theme.Identity.CurrentAsync();
        model["identity"] = identity;
        model["site_name"] = identity.NameOf(edition);
        return await theme.PageAsync(edition?.Theme, template, model, status, cacheable);
    }

    /// <summary>The friendly 404 page, in the edition's theme (or the current edition's, when the edition is unknown).</summary>
    public async Task<IResult> NotFoundAsync(HttpContext http, Edition? edition, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        edition ??= await queries.CurrentEditionAsync(http.RequestAborted);
        return await PageAsync(http, edition, "404", new SiteDocument("页面不存在", "您要找的页面不存在，或已被移除。", http.Request.Path.Value ?? "/"),
            new() { ["message"] = message }, StatusCodes.Status404NotFound);
    }

    /// <summary>
    /// The <c>?page=N</c> of a list: absent is 1; anything but one whole number from 1 up is no page (the friendly 404,
    /// never an error). Past-the-end pages are checked against the total by <see cref="Pager"/>.
    /// </summary>
    public static int? PageNumber(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        // A blank page= is no page number, as the output cache sees it too (it keys both alike).
        if (!http.Request.Query.TryGetValue("page", out var values) || values is [""])
            return 1;
        return values.Count == 1 && int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1 ? page : null;
    }

    /// <summary>The pager of a list at <paramref name="path"/>, or null when the page is past the end (page 1 of an empty list exists).</summary>
    public static PagerDto? Pager(string path, int page, int total)
    {
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (page > pages)
            return null;
        // A search's address has its query already: the page number joins it.
        var join = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        string At(int n) => n == 1 ? path : $"{path}{join}page={n}";
        return new PagerDto(page, pages, total, page > 1 ? At(page - 1) : null, page < pages ? At(page + 1) : null);
    }
}
