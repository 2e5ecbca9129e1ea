namespace PatentWeek.Cms.Content;

public static class ContentSetup
{
    public static IServiceCollection AddCmsContent(this IServiceCollection services)
    {
        // Registered before the web server starts serving: stale HTML is replaced first.
        services.AddHostedService<ContentRerenderer>();
        return services;
    }
}
