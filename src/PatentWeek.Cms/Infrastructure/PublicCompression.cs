using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace PatentWeek.Cms.Infrastructure;

/// <summary>
/// Brotli or gzip for what the public reads: site pages, feeds, theme CSS/JS/SVG and the delivery API's JSON. Not for
/// the admin, the management API or sign-in: their answers carry antiforgery tokens, access tokens and session data
/// next to text an attacker can reflect, which compression would leak (BREACH). Media is never compressed: pictures
/// and videos are compressed already, and a video must keep its byte ranges.
/// </summary>
public static class PublicCompression
{
    /// <summary>Text types only; images other than SVG, video and audio are left as they are.</summary>
    public static readonly string[] MimeTypes =
    [
        "text/html", "text/css", "text/plain", "text/xml", "text/javascript", "application/javascript", "application/json",
        "application/problem+json", "application/xml", "application/rss+xml", "application/atom+xml", "image/svg+xml",
        "application/manifest+json",
    ];

    public static IServiceCollection AddCmsCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            // Compressed only where no secret sits in the answer (see IsPublic), so https is safe to compress.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = MimeTypes;
        });
        // The fastest levels: a page is compressed on every answer, cached or not, and CPU is what a launch day lacks.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>
    /// Early in the pipeline: the public's <c>Accept-Encoding</c> is reduced to the one encoding it will get, and what
    /// is served outside the output cache (theme assets, static files, error pages) is compressed here.
    /// </summary>
    public static IApplicationBuilder UseCmsCompression(this IApplicationBuilder app) =>
        app.UseWhen(c => IsPublic(c.Request.Path), b => b.Use((context, next) =>
        {
            NormaliseAcceptEncoding(context.Request);
            return next(context);
        }).UseResponseCompression());

    /// <summary>
    /// Inside the output cache (and inside <c>UseConditionalGet</c>): pages, feeds and API answers are compressed once,
    /// when rendered, and the cache keeps each encoding as its own entry (<see cref="VaryHeader"/>), so a hit sends
    /// stored bytes instead of compressing 15 KB again for every reader; each encoding has its own strong ETag. The
    /// outer middleware leaves an answer alone that already has a <c>Content-Encoding</c>.
    /// </summary>
    public static IApplicationBuilder UseCachedCompression(this IApplicationBuilder app) =>
        app.UseWhen(c => IsPublic(c.Request.Path), b => b.UseResponseCompression());

    /// <summary>The request header the output cache varies by: after <see cref="NormaliseAcceptEncoding"/> it has three values at most.</summary>
    public const string VaryHeader = "Accept-Encoding";

    /// <summary>
    /// Browsers spell the same wish many ways (<c>gzip, deflate, br</c>, <c>gzip, deflate, br, zstd</c>, WeChat's
    /// <c>gzip, deflate</c>); the cache would keep a copy per spelling. Brotli is chosen when acceptable, else gzip,
    /// else nothing: the same choice the compression providers make, decided here once so the key and the bytes agree.
    /// </summary>
    internal static void NormaliseAcceptEncoding(HttpRequest request)
    {
        var headers = request.Headers;
        if (!headers.TryGetValue(VaryHeader, out var values))
            return;
        string? chosen = null;
        if (StringWithQualityHeaderValue.TryParseList(values, out var offered))
        {
            double Quality(string name) =>
                offered.Where(o => o.Value.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(o => o.Quality ?? 1).DefaultIfEmpty(-1).Max();
            var any = Quality("*");
            var br = Quality("br") is var b && b >= 0 ? b : any;
            var gzip = Quality("gzip") is var g && g >= 0 ? g : any;
            chosen = br > 0 && br >= gzip ? "br" : gzip > 0 ? "gzip" : null;
        }
        if (chosen is null)
            headers.Remove(VaryHeader);
        else
            headers[VaryHeader] = chosen;
    }

    public static bool IsPublic(PathString path) =>
        path.StartsWithSegments("/api")
            ? path.StartsWithSegments("/api/v1") && !path.StartsWithSegments("/api/v1/preview")
            : !(path.StartsWithSegments("/admin") || path.StartsWithSegments("/media") || path.StartsWithSegments("/preview")
                || path.StartsWithSegments("/scalar") || path.StartsWithSegments("/health"));
}
