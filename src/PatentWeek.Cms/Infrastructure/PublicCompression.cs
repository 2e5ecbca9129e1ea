using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

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

    /// <summary>Before the output cache, so a cached page is stored once and compressed for each client as it asks.</summary>
    public static IApplicationBuilder UseCmsCompression(this IApplicationBuilder app) =>
        app.UseWhen(c => IsPublic(c.Request.Path), b => b.UseResponseCompression());

    public static bool IsPublic(PathString path) =>
        path.StartsWithSegments("/api")
            ? path.StartsWithSegments("/api/v1") && !path.StartsWithSegments("/api/v1/preview")
            : !(path.StartsWithSegments("/admin") || path.StartsWithSegments("/media") || path.StartsWithSegments("/preview")
                || path.StartsWithSegments("/scalar") || path.StartsWithSegments("/health"));
}
