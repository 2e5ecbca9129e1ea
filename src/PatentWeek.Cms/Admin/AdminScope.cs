using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Manage;

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
        if (context.HandlerArguments.TryGetValue("id", out var raw) && raw is int id && !AdminScope.CanSee(Db, Actor, id))
            context.Result = NotFound();
        base.OnPageHandlerExecuting(context);
    }
}
