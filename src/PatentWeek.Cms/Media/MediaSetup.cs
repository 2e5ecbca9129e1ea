using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PatentWeek.Cms.Outbox;

namespace PatentWeek.Cms.Media;

public static class MediaSetup
{
    public static IServiceCollection AddCmsMedia(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FolderMediaStore>();
        services.AddSingleton<IMediaStore>(sp => sp.GetRequiredService<FolderMediaStore>());
        services.AddSingleton<MediaGate>();
        services.AddSingleton<ImageProcessor>();
        services.AddSingleton<PosterFrames>();
        services.AddSingleton<RenditionService>();
        services.AddScoped<MediaUploader>();
        services.AddScoped<MediaLibrary>();
        services.AddScoped<MediaChecks>();
        services.AddScoped<MediaPictures>();
        services.AddScoped<IOutboxHandler, RenderMediaHandler>();
        services.AddScoped<IOutboxHandler, PurgeMediaHandler>();
        services.AddHostedService<MediaTempSweeper>();
        return services;
    }

    /// <summary>
    /// Public media as static files: every name is derived from a content hash, so it never changes and may be
    /// cached for a year. Range requests (video seeking) come with the static file middleware.
    /// </summary>
    public static WebApplication UseCmsMedia(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var store = app.Services.GetRequiredService<IMediaStore>();
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = MediaKeys.PublicRequestPath,
            FileProvider = store.PublicFiles,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = context => Immutable(context.Context.Response),
        });
        return app;
    }

    public static void Immutable(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.CacheControl = "public, max-age=31536000, immutable";
        response.Headers.XContentTypeOptions = "nosniff";
    }
}
