namespace PatentWeek.Cms.Site;

/// <summary>
/// Whole-response caching of public pages and delivery API answers. Each endpoint tags its answer with what it
/// shows (<see cref="CacheTags"/>), and <see cref="PublicCacheEviction"/> evicts those tags when an event says the
/// public's view of an item changed. Preview requests are never cached.
/// </summary>
public static class OutputCaching
{
    public const string PublicPolicy = "public";

    public static IServiceCollection AddCmsOutputCache(this IServiceCollection services)
    {
        services.AddOutputCache(o => o.AddPolicy(PublicPolicy, b => b
            .Expire(TimeSpan.FromMinutes(10))
            .Tag(CacheTags.Site)
            .SetVaryByQuery("*")
            .With(c => !c.HttpContext.Request.Query.ContainsKey("preview"))));
        return services;
    }
}
