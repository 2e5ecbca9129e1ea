using PatentWeek.Cms.Content.Types;

namespace PatentWeek.Cms.Site;

/// <summary>
/// <c>{kind:kind}</c>: a route segment that is one of the registry's kind names, so the site's addresses follow
/// <see cref="ContentTypes"/> instead of a hand-written list; anything else falls through to the friendly 404.
/// </summary>
public sealed class KindRouteConstraint : IRouteConstraint
{
    public const string Name = "kind";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.TryGetValue(routeKey, out var value) && ContentTypes.Find(value as string) is not null;
    }
}
