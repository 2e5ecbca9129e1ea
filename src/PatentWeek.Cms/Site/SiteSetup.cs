namespace PatentWeek.Cms.Site;

public static class SiteSetup
{
    /// <summary>The public site: its themes and the output cache in front of it (and of the delivery API).</summary>
    public static IServiceCollection AddCmsSite(this IServiceCollection services)
    {
        services.AddSingleton<ThemeRenderer>();
        services.Configure<RouteOptions>(o => o.SetParameterPolicy<KindRouteConstraint>(KindRouteConstraint.Name));
        services.AddCmsOutputCache();
        return services;
    }
}
