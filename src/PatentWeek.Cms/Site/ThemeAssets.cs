using Microsoft.Extensions.FileProviders;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Site.Themes;

namespace PatentWeek.Cms.Site;

public static class ThemeAssets
{
    /// <summary>A fingerprinted name never changes content: cached for a year, never revalidated.</summary>
    public const string ImmutableCaching = "public, max-age=31536000, immutable";

    /// <summary>A plain name (or an outdated fingerprint) may change at any time: cached briefly.</summary>
    public const string ShortCaching = "public, max-age=300";

    private const string ImmutableItem = "theme-asset-immutable";

    /// <summary>
    /// Serves <c>themes/{name}/assets/…</c> at <c>/themes/{name}/assets/…</c>, and nothing else of a theme
    /// folder: templates and any other file beside them stay private. A fingerprinted name
    /// (<c>site.4f3a9c1e2b.css</c>, see <see cref="AssetFingerprints"/>) serves the file of the plain name, immutable
    /// when the hash is the file's current one.
    /// </summary>
    public static IApplicationBuilder UseThemeAssets(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var paths = app.Services.GetRequiredService<CmsPaths>();
        var fingerprints = app.Services.GetRequiredService<AssetFingerprints>();
        if (!Directory.Exists(paths.ThemesPath))
            return app;
        return app.UseWhen(c => IsAsset(c.Request.Path), branch => branch
            .Use((context, next) =>
            {
                Unfingerprint(context, paths.ThemesPath, fingerprints);
                return next(context);
            })
            .UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(paths.ThemesPath),
                RequestPath = "/themes",
                ServeUnknownFileTypes = false,
                OnPrepareResponse = c => c.Context.Response.Headers.CacheControl =
                    c.Context.Items.ContainsKey(ImmutableItem) ? ImmutableCaching : ShortCaching,
            }));
    }

    /// <summary>Points a fingerprinted request at the plain file, unless a file of that very name exists.</summary>
    private static void Unfingerprint(HttpContext context, string themesPath, AssetFingerprints fingerprints)
    {
        var path = context.Request.Path.Value!;
        var slash = path.LastIndexOf('/');
        if (!AssetFingerprints.TryStrip(path[(slash + 1)..], out var plain, out var hash))
            return;
        var relative = path["/themes/".Length..slash].Replace('/', Path.DirectorySeparatorChar);
        var folder = Path.GetFullPath(Path.Combine(themesPath, relative));
        if (!folder.StartsWith(Path.GetFullPath(themesPath), StringComparison.Ordinal) || File.Exists(Path.Combine(folder, path[(slash + 1)..])))
            return;
        var current = fingerprints.HashOf(Path.Combine(folder, plain));
        if (current is null)
            return;
        context.Request.Path = path[..(slash + 1)] + plain;
        if (current == hash)
            context.Items[ImmutableItem] = true;
    }

    private static bool IsAsset(PathString path)
    {
        if (!path.StartsWithSegments("/themes", out var rest) || !rest.HasValue)
            return false;
        var segments = rest.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 3 && segments[1] == "assets";
    }
}
