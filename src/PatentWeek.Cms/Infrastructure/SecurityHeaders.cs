using Scalar.AspNetCore;

namespace PatentWeek.Cms.Infrastructure;

/// <summary>
/// Security headers on every response — pages, JSON, errors, static files and media alike — decided here by the
/// kind of address, once, just before the headers leave (so an error page that cleared the response still gets
/// them). Nothing is loaded from another host anywhere: the product runs on an intranet.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>APIs send data, never documents to render: nothing may load, nothing may frame them.</summary>
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>
    /// The admin: scripts only from the site's own files (the pages carry no inline script). Inline styles are
    /// allowed because the WeChat preview shows the article exactly as WeChat gets it, and WeChat takes styles only
    /// inline; a style cannot run code. Never framed.
    /// </summary>
    public const string AdminPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; "
        + "font-src 'self'; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The public theme (themes/default): its own stylesheet and script files (never inline script: the accessibility switches, the share card), which may call
    /// the site's own API (the WeChat share signature), pictures and videos from the site (and the https pictures an
    /// editor may link in a body).
    /// </summary>
    public const string SitePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; media-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /// <summary>
    /// The API reference (Scalar): its bundled script, and the one inline script that configures it only by the nonce
    /// Scalar draws for that response (<c>WithNonce()</c>), so no other inline script runs. Without a nonce (a page
    /// under /scalar that is not the reference) no inline script runs at all. Its styles are injected at run time.
    /// </summary>
    public static string ScalarPolicy(string? nonce) =>
        "default-src 'self'; script-src 'self'" + (string.IsNullOrEmpty(nonce) ? "" : $" 'nonce-{nonce}'")
        + "; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The hosted WeChat emulator's pages: inline styles (as WeChat articles have) and article frames.</summary>
    public const string EmulatorPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    public static string PolicyFor(PathString path, string? scalarNonce = null)
    {
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/health"))
            return ApiPolicy;
        if (path.StartsWithSegments("/admin"))
            return AdminPolicy;
        if (path.StartsWithSegments("/scalar"))
            return ScalarPolicy(scalarNonce);
        if (path.StartsWithSegments("/wechat-emulator"))
            return EmulatorPolicy;
        return SitePolicy;
    }

    /// <summary>First in the pipeline, so every answer, the exception handler's included, carries them.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                var path = context.Request.Path;
                headers.ContentSecurityPolicy = PolicyFor(path, context.Items[ScalarOptions.NonceHttpContextItemKey] as string);
                headers.XContentTypeOptions = "nosniff";
                // Admin addresses and preview links carry ids and tokens: they are never sent to another site.
                headers["Referrer-Policy"] = path.StartsWithSegments("/admin") || path.StartsWithSegments("/preview")
                    ? "no-referrer"
                    : "strict-origin-when-cross-origin";
                if (path.StartsWithSegments("/admin") || path.StartsWithSegments("/api") || path.StartsWithSegments("/scalar"))
                    headers.XFrameOptions = "DENY";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
