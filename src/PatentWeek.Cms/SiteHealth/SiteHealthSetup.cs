namespace PatentWeek.Cms.SiteHealth;

public static class SiteHealthSetup
{
    public static IServiceCollection AddCmsSiteHealth(this IServiceCollection services)
    {
        services.AddOptions<SiteHealthOptions>().BindConfiguration(SiteHealthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(SiteHealthService.SiteClient);
        // The per-link timeout is the crawler's own (Cms:SiteHealth:ExternalTimeoutSeconds), so it can say which link timed out.
        services.AddHttpClient(SiteCrawler.ExternalClient, c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.AddScoped<ContentHealthChecks>();
        services.AddScoped<SiteCrawler>();
        services.AddScoped<SiteHealthService>();
        services.AddSingleton<SiteHealthResults>();
        return services;
    }
}
