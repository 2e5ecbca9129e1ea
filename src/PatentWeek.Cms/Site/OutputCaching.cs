namespace PatentWeek.Cms.Site;

/// <summary>
/// Whole-response caching of public pages and delivery API answers. Everything public carries one tag,
/// evicted whenever what the public sees changes (publish, unpublish, delete), since lists on the home,
/// topic and city pages show items too. Preview requests are never cached.
/// </summary>
public static class OutputCaching
{
    public const string SiteTag = "site";
    public const string PublicPolicy = "public";

    public static IServiceCollection AddCmsOutputCache(this IServiceCollection services)
    {
        services.AddOutputCache(o => o.AddPolicy(PublicPolicy, b => b
            .Expire(TimeSpan.FromMinutes(10))
            .SetVaryByQuery("*")
            .With(c => !c.HttpContext.Request.Query.ContainsKey("preview"))
            .Tag(SiteTag)));
        return services;
    }
}
