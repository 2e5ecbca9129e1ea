using PatentWeek.Cms.Data;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Accounts;

/// <summary>
/// City scoping for every endpoint of a group whose <c>{id}</c> names a <typeparamref name="T"/>: an actor who may
/// not read it gets 404, exactly as for one that does not exist, so nothing is revealed. The group says which
/// resource its id names, so a group of plans is scoped against plans. Applied to the whole group, so a new
/// endpoint is scoped without anyone remembering to.
/// </summary>
public sealed class ResourceScopeFilter<T>(ResourceAuthorization access) : IEndpointFilter where T : class, ICityOwned
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (http.Request.RouteValues.TryGetValue("id", out var raw))
        {
            var id = int.TryParse(raw?.ToString(), out var parsed) ? parsed : -1;
            if (await access.HidesAsync<T>(http.User, id, http.RequestAborted))
                return Problems.NotFound("There is no such item.");
        }

        return await next(context);
    }
}
