using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Media;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Media;

/// <summary>
/// The public side of media beyond plain static files: <c>/media/{id}</c>, the permanent address content uses,
/// redirects to the current file; a rendition asked for before its job ran is rendered on the spot, so an
/// image is public from the moment its upload returns.
/// </summary>
public static class MediaFiles
{
    public static IEndpointRouteBuilder MapMediaFiles(this IEndpointRouteBuilder app)
    {
        var media = app.MapGroup(MediaKeys.PublicRequestPath).ExcludeFromDescription();
        media.MapGet("/{id:int}", Address);
        media.MapGet("/{id:int}/captions.vtt", Captions);
        media.MapGet("/{**key}", Pending);
        return app;
    }

    public static async Task<Results<RedirectHttpResult, ProblemHttpResult>> Address(int id, CmsDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var asset = await db.MediaAssets.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.Kind != MediaKind.Document, cancellationToken);
        if (asset is null)
            return Problems.NotFound("There is no such media.");
        // Under the site's prefix (Cms:PathBase), where the file is served.
        return TypedResults.Redirect(http.Request.PathBase + MediaDto.FileUrl(asset, RenditionService.Parse(asset.Renditions)));
    }

    /// <summary>The address of a video's captions track.</summary>
    public static string CaptionsUrl(int id) => $"{MediaKeys.PublicRequestPath}/{id}/captions.vtt";

    /// <summary>WebVTT captions are stored with the documents (private), and public only as the captions of a video.</summary>
    public static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> Captions(
        int id, CmsDbContext db, IMediaStore store, CancellationToken cancellationToken)
    {
        var asset = await db.MediaAssets.AsNoTracking().FirstOrDefaultAsync(
            m => m.Id == id && m.ContentType == DocumentInspector.WebVtt && db.MediaAssets.Any(v => v.Kind == MediaKind.Video && v.CaptionsId == id), cancellationToken);
        var path = asset is null ? null : store.OriginalPath(asset);
        if (path is null || !File.Exists(path))
            return Problems.NotFound("There are no such captions.");
        return TypedResults.PhysicalFile(path, "text/vtt; charset=utf-8");
    }

    /// <summary>Only reached when the static file is missing: renders the set if the key belongs to one not yet rendered.</summary>
    public static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> Pending(
        string key, CmsDbContext db, RenditionService renditions, IMediaStore store, HttpResponse response, CancellationToken cancellationToken)
    {
        var parts = key.Split('/');
        // Only names the pipeline writes: letters, digits, '-' and '.', never a dot segment or a backslash.
        if (parts.Length < 4 || parts[0] != "i" || parts[2].Length < 16 || parts.Any(p => p is "" or "." or ".." || !p.All(IsNameChar)))
            return Problems.NotFound("There is no such file.");
        var folder = string.Join('/', parts[..3]);
        var prefix = parts[2][..16];
        var candidates = await db.MediaAssets.AsNoTracking()
            .Where(m => m.Kind == MediaKind.Image && m.Sha256.StartsWith(prefix))
            .Select(m => new { m.Id, m.Sha256, m.Kind }).ToListAsync(cancellationToken);
        var asset = candidates.FirstOrDefault(m => MediaKeys.DerivedFolder(m.Kind, m.Sha256) == folder);
        if (asset is null)
            return Problems.NotFound("There is no such file.");
        await renditions.EnsureAsync(asset.Id, cancellationToken);
        var path = store.PublicPath(key);
        if (!File.Exists(path))
            return Problems.NotFound("There is no such file.");
        MediaSetup.Immutable(response);
        var type = Path.GetExtension(path) == ".webp" ? "image/webp" : "image/jpeg";
        return TypedResults.PhysicalFile(path, type);
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.';
}
