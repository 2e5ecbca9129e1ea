namespace PatentWeek.Cms.Content;

public static class ContentSetup
{
    public static IServiceCollection AddCmsContent(this IServiceCollection services)
    {
        // Background work after start: stale HTML stays safe to serve until it is replaced.
        services.AddHostedService<ContentRerenderer>();
        return services;
    }
}
