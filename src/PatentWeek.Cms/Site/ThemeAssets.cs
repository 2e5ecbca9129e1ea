using Microsoft.Extensions.FileProviders;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Site;

public static class ThemeAssets
{
    /// <summary>
    /// Serves <c>themes/{name}/assets/…</c> at <c>/themes/{name}/assets/…</c>, and nothing else of a theme
    /// folder: templates and any other file beside them stay private.
    /// </summary>
    public static IApplicationBuilder UseThemeAssets(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var paths = app.Services.GetRequiredService<CmsPaths>();
        if (!Directory.Exists(paths.ThemesPath))
            return app;
        return app.UseWhen(c => IsAsset(c.Request.Path), branch => branch.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(paths.ThemesPath),
            RequestPath = "/themes",
            ServeUnknownFileTypes = false,
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "public, max-age=3600",
        }));
    }

    private static bool IsAsset(PathString path)
    {
        if (!path.StartsWithSegments("/themes", out var rest) || !rest.HasValue)
            return false;
        var segments = rest.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 3 && segments[1] == "assets";
    }
}
