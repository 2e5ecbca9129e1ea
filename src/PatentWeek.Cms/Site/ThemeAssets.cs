using Microsoft.Extensions.FileProviders;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Site;

public static class ThemeAssets
{
    /// <summary>
    /// Serves <c>themes/{name}/assets/…</c> at <c>/themes/{name}/assets/…</c>. Only files with a known
    /// content type are served, so the <c>.liquid</c> templates beside them never are.
    /// </summary>
    public static IApplicationBuilder UseThemeAssets(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var paths = app.Services.GetRequiredService<CmsPaths>();
        if (!Directory.Exists(paths.ThemesPath))
            return app;
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(paths.ThemesPath),
            RequestPath = "/themes",
            ServeUnknownFileTypes = false,
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
    }
}
