using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Constraints;
using Microsoft.AspNetCore.Routing.Patterns;
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
        var candidates = new Lazy<List<Candidate>>(() =>
        {
            var constraints = app.ApplicationServices.GetRequiredService<IInlineConstraintResolver>();
            return app.ApplicationServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                .Where(e => e.Metadata.GetMetadata<IAcceptsMetadata>() is { ContentTypes.Count: > 0 } && e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
                .Select(e => new Candidate(new TemplateMatcher(new RouteTemplate(e.RoutePattern), []), ConstraintsOf(e.RoutePattern, constraints),
                    e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [], e.Metadata.GetMetadata<IAcceptsMetadata>()!.ContentTypes))
                .ToList();
        });
        return app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is null && context.Request.Path.StartsWithSegments("/api")
                && candidates.Value.FirstOrDefault(c => c.Matches(context)) is { } found)
            {
                await Problems.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                    $"This endpoint takes {string.Join(" or ", found.Types)}.");
                return;
            }

            await next(context);
        });
    }

    /// <summary>
    /// The template matcher sees only the shape of the address; the route's constraints (<c>{id:int}</c>) decide as
    /// routing does, so <c>/content/abc</c> stays the 404 it is rather than a 415 for an address that does not exist.
    /// </summary>
    private static Dictionary<string, IRouteConstraint> ConstraintsOf(RoutePattern pattern, IInlineConstraintResolver resolver)
    {
        var constraints = new Dictionary<string, IRouteConstraint>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, policies) in pattern.ParameterPolicies)
        {
            var resolved = policies.Select(p => p.ParameterPolicy as IRouteConstraint ?? (p.Content is { } text ? resolver.ResolveConstraint(text) : null))
                .OfType<IRouteConstraint>().ToList();
            if (resolved.Count > 0)
                constraints[name] = resolved.Count == 1 ? resolved[0] : new CompositeRouteConstraint(resolved);
        }

        return constraints;
    }

    private sealed record Candidate(TemplateMatcher Matcher, Dictionary<string, IRouteConstraint> Constraints, IReadOnlyList<string> Methods, IReadOnlyList<string> Types)
    {
        public bool Matches(HttpContext context)
        {
            if (!Methods.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase))
                return false;
            var values = new RouteValueDictionary();
            return Matcher.TryMatch(context.Request.Path, values)
                && Constraints.All(c => c.Value.Match(context, null, c.Key, values, RouteDirection.IncomingRequest));
        }
    }
}
