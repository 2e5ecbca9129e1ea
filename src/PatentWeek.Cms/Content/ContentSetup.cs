using PatentWeek.Cms.Content.Import;

namespace PatentWeek.Cms.Content;

public static class ContentSetup
{
    /// <summary>Rendering, the one writer of an item's fields, and import/export of content files.</summary>
    public static IServiceCollection AddCmsContent(this IServiceCollection services)
    {
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<ContentWriter>();
        services.AddScoped<ContentImporter>();
        services.AddScoped<ContentExporter>();
        // Background work after start: stale HTML stays safe to serve until it is replaced.
        services.AddHostedService<ContentRerenderer>();
        return services;
    }
}
