using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Admin;

public static class AdminScope
{
    /// <summary>
    /// The admin pages' counterpart of the API's city filter: an item page of another city's item is 404.
    /// Used by every page that takes an item id, through <see cref="ItemPage"/>.
    /// </summary>
    public static bool CanSee(CmsDbContext db, Actor actor, int id)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ContentItems.Where(i => i.Id == id).VisibleTo(actor).Any();
    }
}

/// <summary>A page about one item: refuses (404) before any handler runs when the actor may not see it.</summary>
public abstract class ItemPage(CmsDbContext db) : AdminPage
{
    protected CmsDbContext Db { get; } = db;

    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
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
        if (ids.Any(id => !AdminScope.CanSee(Db, Actor, id)))
            context.Result = NotFound();
        base.OnPageHandlerExecuting(context);
    }
}
