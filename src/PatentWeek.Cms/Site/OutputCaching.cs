using Microsoft.AspNetCore.OutputCaching;
using PatentWeek.Cms.Delivery.Published;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Site;

/// <summary>
/// Whole-response caching of public pages and delivery API answers. Each endpoint tags its answer with what it
/// shows (<see cref="CacheTags"/>), and <see cref="PublicCacheEviction"/> evicts those tags when an event says the
/// public's view of an item changed. Preview requests are never cached.
/// </summary>
/// <remarks>
/// A cache key names only the query parameters its endpoint reads: WeChat's in-app browser appends <c>from</c> and
/// <c>isappinstalled</c>, campaigns append <c>utm_*</c>, and anyone can append <c>?x=…</c>; each of those would
/// otherwise be a miss and a fresh render. The memory the cache may hold is bounded, so a stream of unique URLs
/// (with allowed parameters) evicts older entries instead of growing the process.
/// </remarks>
public static class OutputCaching
{
    /// <summary>Public pages and feeds: they vary only by <see cref="SiteQuery"/>.</summary>
    public const string PublicPolicy = "public";

    /// <summary>The delivery API: it varies by every parameter <see cref="Delivery.ContentListQuery"/> reads.</summary>
    public const string ApiPolicy = "public-api";

    /// <summary>The only query parameters a public page reads (paging, search, list filters).</summary>
    public static readonly string[] SiteQuery = ["page", "q", "city", "kind", "tag", "type", "edition"];

    /// <summary>The delivery API's parameters (<see cref="Delivery.ContentListQuery"/>, the item's <c>edition</c>, search's <c>q</c>).</summary>
    public static readonly string[] ApiQuery = ["kind", "city", "tag", "edition", "page", "pageSize", "from", "to", "q"];

    /// <summary>
    /// The whole cache: 64 MB of bodies and headers. A page is 10–40 KB, so this holds a few thousand pages: every
    /// page of the site many times over, while a flood of unique URLs evicts its own entries first (least recently used).
    /// </summary>
    public const long SizeLimit = 64L * 1024 * 1024;

    /// <summary>A single answer larger than 1 MB is served but not kept (no page or feed of the site comes near it).</summary>
    public const long MaximumBodySize = 1024 * 1024;

    /// <summary>
    /// An entry lives 10 minutes: eviction by tag makes a change visible at once, so this only bounds how long an answer
    /// nobody evicts (a page whose template changed, an edition switched in the database by hand) stays stale.
    /// </summary>
    public static readonly TimeSpan Expiration = TimeSpan.FromMinutes(10);

    public static IServiceCollection AddCmsOutputCache(this IServiceCollection services)
    {
        // Templates read the request's path base (ThemeRenderer's base variable).
        services.AddHttpContextAccessor();
        services.AddOutputCache(o =>
        {
            o.SizeLimit = SizeLimit;
            o.MaximumBodySize = MaximumBodySize;
            o.DefaultExpirationTimeSpan = Expiration;
            o.AddPolicy(PublicPolicy, b => b.Expire(Expiration).Tag(CacheTags.Site).SetVaryByQuery(SiteQuery).VaryByValue(Given(SiteQuery)).SetVaryByHeader(PublicCompression.VaryHeader).With(NotPreview).AddPolicy<ConditionalGet.Policy>().AddPolicy<FreshRender>());
            o.AddPolicy(ApiPolicy, b => b.Expire(Expiration).Tag(CacheTags.Site).SetVaryByQuery(ApiQuery).VaryByValue(Given(ApiQuery)).SetVaryByHeader(PublicCompression.VaryHeader).With(NotPreview).AddPolicy<FreshRender>());
        });
        return services;
    }

    /// <summary>
    /// Which of the named parameters the request carries at all. The cache's key holds each parameter's value, and an
    /// absent one and an empty one (<c>/search</c> and <c>/search?q=</c>) both read as empty there, yet an endpoint may
    /// answer them differently (the page to search from, and a refused empty query).
    /// </summary>
    private static Func<HttpContext, KeyValuePair<string, string>> Given(string[] names) => http =>
        new("given", string.Join(',', names.Where(http.Request.Query.ContainsKey)));

    /// <summary>
    /// An answer rendered while the published model changed is served but not kept: it may have read the model from
    /// before the change, and the eviction that change caused ran before it was stored, so it would otherwise stay
    /// stale until the entry expires.
    /// </summary>
    internal sealed class FreshRender(PublishedSite site) : IOutputCachePolicy
    {
        private static readonly object Started = new();

        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            context.HttpContext.Items[Started] = site.Generation;
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            if (context.HttpContext.Items[Started] is long started && started != site.Generation)
                context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }
    }

    private static bool NotPreview(OutputCacheContext context) => !context.HttpContext.Request.Query.ContainsKey("preview");
}
