using Microsoft.Extensions.Options;

namespace PatentWeek.Cms.Infrastructure;

/// <summary>
/// <c>Cms:PathBase</c>: the site mounted under a prefix (<c>/zlz</c>) behind the office's portal, which forwards
/// <c>/zlz/…</c> unchanged. Requests under the prefix run with it as <c>Request.PathBase</c>, which is what links,
/// redirects and cookie paths are built from; anything else is a 404, except the health endpoints, which the load
/// balancer asks at the root.
/// </summary>
public static class PathBases
{
    public static bool IsValid(string pathBase) =>
        pathBase.Length > 1 && pathBase[0] == '/' && pathBase[^1] != '/' && !pathBase.Contains("//", StringComparison.Ordinal)
        && pathBase.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_');

    /// <summary>First in the pipeline, so everything after it sees the prefix as <c>PathBase</c>.</summary>
    public static IApplicationBuilder UseCmsPathBase(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.ApplicationServices.GetRequiredService<IOptions<CmsOptions>>().Value.PathBase is not { Length: > 0 } pathBase)
            return app;

        app.UsePathBase(pathBase);
        return app.Use((context, next) =>
        {
            var request = context.Request;
            // The host's own routing ran on the whole path before this (WebApplication adds it first): whatever it
            // chose for /zlz/… is forgotten, so static files see no endpoint and UseRouting matches the path without the prefix.
            context.SetEndpoint(null);
            request.RouteValues.Clear();
            if (request.PathBase.HasValue)
            {
                // The prefix matched whatever its case (/ZLZ/…); links are built with the configured spelling, since
                // the output cache keys paths case-insensitively and one cached page serves both.
                request.PathBase = pathBase;
                // The portal's link to the column itself (/zlz) goes to its home page (/zlz/).
                if (request.Path.HasValue)
                    return next(context);
                context.Response.Redirect(request.PathBase + "/" + request.QueryString, permanent: true);
                return Task.CompletedTask;
            }

            if (request.Path.StartsWithSegments(HealthPath))
                return next(context);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
    }

    /// <summary>The health endpoints' path, answered at the root and under the prefix.</summary>
    public const string HealthPath = "/health";
}
