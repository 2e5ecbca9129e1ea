using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using PatentWeek.Cms.Content.Import;
using PatentWeek.Cms.Content.Staff;
using PatentWeek.Cms.Content.Types;

namespace PatentWeek.Cms.Content;

public static class ContentSetup
{
    /// <summary>
    /// Rendering, the one writer of an item's fields, the staff read model, import/export of content files, and the registry's part in every
    /// JSON body and answer (the declared text fields) and in the OpenAPI document (kind enums, limits).
    /// </summary>
    public static IServiceCollection AddCmsContent(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(o => o.SerializerOptions.TypeInfoResolver =
            (o.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(TextFieldsJson.Modifier));
        services.Configure<OpenApiOptions>("v1", o => o.AddContentTypes());
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<ContentWriter>();
        services.AddScoped<ContentImporter>();
        services.AddScoped<ContentMedia>();
        services.AddScoped<ContentExporter>();
        // The staff read model: the lists, queues and counts the admin pages and the management API show.
        services.AddScoped<StaffContentQueries>();
        // Background work after start: stale HTML stays safe to serve until it is replaced.
        services.AddHostedService<ContentRerenderer>();
        return services;
    }
}
