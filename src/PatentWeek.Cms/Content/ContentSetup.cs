using PatentWeek.Cms.Content.Import;
using PatentWeek.Cms.Content.Staff;

namespace PatentWeek.Cms.Content;

public static class ContentSetup
{
    /// <summary>Rendering, the one writer of an item's fields, the staff read model, and import/export of content files.</summary>
    public static IServiceCollection AddCmsContent(this IServiceCollection services)
    {
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<ContentWriter>();
        services.AddScoped<ContentImporter>();
        services.AddScoped<ContentExporter>();
        // The staff read model: the lists, queues and counts the admin pages and the management API show.
        services.AddScoped<StaffContentQueries>();
        // Background work after start: stale HTML stays safe to serve until it is replaced.
        services.AddHostedService<ContentRerenderer>();
        return services;
    }
}
