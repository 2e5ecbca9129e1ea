using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Template;

namespace PatentWeek.Cms.Infrastructure;

/// <summary>
/// An API call whose address and method exist but whose body type the endpoint does not take (a JSON body sent to
/// the upload, form data sent to a JSON endpoint) is a 415 naming what the endpoint takes. Routing alone finds no
/// endpoint for it and answers 404, which sends a caller looking for a wrong address.
/// </summary>
public static class UnsupportedMediaTypes
{
    /// <summary>After routing: only requests it found no endpoint for are looked at.</summary>
    public static IApplicationBuilder UseUnsupportedMediaTypes(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var candidates = new Lazy<List<(TemplateMatcher Matcher, IReadOnlyList<string> Methods, IReadOnlyList<string> Types)>>(() =>
            app.ApplicationServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                .Where(e => e.Metadata.GetMetadata<IAcceptsMetadata>() is { ContentTypes.Count: > 0 } && e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
                .Select(e => (new TemplateMatcher(new RouteTemplate(e.RoutePattern), []),
                    e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [],
                    e.Metadata.GetMetadata<IAcceptsMetadata>()!.ContentTypes))
                .ToList());
        return app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is null && context.Request.Path.StartsWithSegments("/api"))
            {
                var method = context.Request.Method;
                foreach (var (matcher, methods, types) in candidates.Value)
                {
                    if (methods.Contains(method, StringComparer.OrdinalIgnoreCase) && matcher.TryMatch(context.Request.Path, []))
                    {
                        await Problems.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                            $"This endpoint takes {string.Join(" or ", types)}.");
                        return;
                    }
                }
            }

            await next(context);
        });
    }
}
