using Microsoft.AspNetCore.Mvc.Filters;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Admin;

/// <summary>
/// A page about one item: refuses (404) before any handler runs when the actor may not see it — the admin pages'
/// counterpart of the API's <see cref="ResourceScopeFilter{T}"/>, asking the same authorization handler.
/// </summary>
public abstract class ItemPage(CmsDbContext db) : AdminPage
{
    protected CmsDbContext Db { get; } = db;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        // A verb the page has no handler for (a bare POST) renders nothing: it must not reach the page.
        if (context.HandlerMethod is null)
        {
            context.Result = NotFound();
            return;
        }

        // Every item id the request names (route or form, whatever it is called) must be one the actor may see.
        var ids = context.HandlerArguments
            .Where(a => a.Key.EndsWith("id", StringComparison.OrdinalIgnoreCase) && a.Value is int)
            .Select(a => (int)a.Value!)
            .Concat(context.RouteData.Values.TryGetValue("id", out var raw) && int.TryParse(raw?.ToString(), out var routeId) ? [routeId] : []);
        var access = HttpContext.RequestServices.GetRequiredService<ResourceAuthorization>();
        foreach (var id in ids.Distinct())
        {
            if (await access.HidesAsync<ContentItem>(User, id, HttpContext.RequestAborted, missingIsHidden: true))
            {
                context.Result = NotFound();
                return;
            }
        }

        OnPageHandlerExecuting(context);
        if (context.Result is not null)
            return;
        var executed = await next();
        // An item that is gone by the time the handler loads it (trashed, or purged meanwhile) has no page: 404, not an error.
        if (executed.Exception is RefusedException { Status: StatusCodes.Status404NotFound } && !executed.ExceptionHandled)
        {
            executed.Result = NotFound();
            executed.ExceptionHandled = true;
        }

        OnPageHandlerExecuted(executed);
    }
}
