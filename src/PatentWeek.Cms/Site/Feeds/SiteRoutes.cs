using Microsoft.AspNetCore.Routing.Patterns;

namespace PatentWeek.Cms.Site.Feeds;

/// <summary>
/// Which page addresses the site maps, read from routing itself: the sitemap lists a family of pages (the cities
/// index, tag pages, an older edition's lists…) once a route serves it, so it never lists an address that is a 404.
/// </summary>
public sealed class SiteRoutes(EndpointDataSource endpoints)
{
    /// <summary>
    /// Whether a GET route has exactly these segments: a literal (<c>city</c>), a parameter of that name
    /// (<c>{edition}</c>), or any parameter (<c>*</c>); catch-alls never count.
    /// </summary>
    public bool Has(params string[] segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        return endpoints.Endpoints.OfType<RouteEndpoint>().Any(e =>
            e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Get) != false
            && Matches(e.RoutePattern, segments));
    }

    private static bool Matches(RoutePattern pattern, string[] segments) =>
        pattern.PathSegments.Count == segments.Length
        && pattern.PathSegments.Zip(segments).All(pair => pair.First.Parts is [var part] && part switch
        {
            RoutePatternLiteralPart literal => literal.Content == pair.Second,
            RoutePatternParameterPart parameter => !parameter.IsCatchAll && (pair.Second == "*" || pair.Second == "{" + parameter.Name + "}"),
            _ => false,
        });
}
