using PatentWeek.Cms.Workflow;
using PatentWeek.Cms.Content;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Manage;

/// <summary>
/// City scoping for every management endpoint that names an item (<c>{id}</c>): a city contributor gets
/// 404 for another city's item, exactly as for one that does not exist, so nothing is revealed. Applied
/// to the endpoint group, so a new endpoint is scoped without anyone remembering to.
/// </summary>
internal sealed class CityScopeFilter(CmsDbContext db) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var actor = Actor.From(context.HttpContext.User);
        if (actor.IsCityBound && context.HttpContext.Request.RouteValues.TryGetValue("id", out var raw))
        {
            var id = int.TryParse(raw?.ToString(), out var parsed) ? parsed : -1;
            var city = await db.ContentItems.Where(i => i.Id == id).Select(i => new { i.CityCode }).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
            if (city is null || actor.CityCode is null || city.CityCode != actor.CityCode)
                return Problems.NotFound("There is no such item.");
        }

        return await next(context);
    }
}
