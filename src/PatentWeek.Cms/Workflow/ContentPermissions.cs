using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Data.Content;

namespace PatentWeek.Cms.Workflow;

/// <summary>
/// The permission table of the editorial workflow, item by item. Roles are enforced by policies on the
/// endpoint groups and cities by the scope filter; who may take a step is <see cref="CityRules"/>' table (the
/// one the authorization handler reads), and this adds what depends on the item's state.
/// </summary>
public static class ContentPermissions
{
    /// <summary>Whether the actor may create content at all: the admin shows its 新建 buttons by this, the workflow refuses by it.</summary>
    public static bool CanCreate(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        // Creating is authoring, as editing is: the same row of the table.
        return CityRules.RoleAllows(actor, Operations.Edit);
    }

    /// <summary>The kinds the actor may create, the first being what a new item starts as: news for the office, a story for a city.</summary>
    public static IReadOnlyList<ContentKind> CreatableKinds(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.IsEditorial)
            return [ContentKind.News, .. ContentTypes.All.Select(t => t.Kind).Where(k => k != ContentKind.News)];
        return actor.IsCityBound ? ContentTypes.CityBound : [];
    }

    /// <summary>Whether the actor publishes (and so has a queue of approved items waiting for them).</summary>
    public static bool CanPublish(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return CityRules.RoleAllows(actor, Operations.Publish);
    }

    public static void EnsureCanCreate(Actor actor, ContentKind kind, string? city)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.IsEditorial)
            return;
        if (!CanCreate(actor))
            throw WorkflowException.Forbidden(Refusals.CannotCreate());
        if (!ContentTypes.CityBound.Contains(kind))
            throw WorkflowException.Forbidden(Refusals.CityKindsOnly());
        if (city != actor.CityCode)
            throw WorkflowException.Forbidden(Refusals.OwnCityOnly());
    }

    /// <summary>Editors edit anything; a city contributor edits their city's items while the version being edited is a draft.</summary>
    public static void EnsureCanEdit(Actor actor, ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(item);
        if (!CityRules.Allows(actor, Operations.Edit, item))
            throw WorkflowException.Forbidden(Refusals.CannotEdit());
        if (actor.IsEditorial)
            return;
        var editing = EditedVersion.EditingState(item);
        if (editing != ContentState.Draft)
            throw WorkflowException.Illegal(Refusals.CityEditsDraftsOnly(editing));
    }

    /// <summary>Editors delete anything; a city contributor deletes only their city's items that never left draft.</summary>
    public static void EnsureCanDelete(Actor actor, ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!CanDelete(actor, item, item.State, item.PublishedAt))
            throw WorkflowException.Forbidden(Refusals.DeleteBeyondDraft());
    }

    /// <summary>
    /// Moving to the trash and taking out of it: editors anything, a city contributor their city's items that never left
    /// draft. Asked with a list row too, so the trash shows 恢复 only where restoring passes.
    /// </summary>
    public static bool CanDelete(Actor actor, Data.ICityOwned item, ContentState state, DateTime? publishedAt)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(item);
        return CityRules.Allows(actor, Operations.Delete, item) && (actor.IsEditorial || (state == ContentState.Draft && publishedAt is null));
    }

    public static void EnsureCanReview(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!CityRules.RoleAllows(actor, Operations.Review))
            throw WorkflowException.Forbidden(Refusals.ReviewersOnly());
    }

    public static void EnsureEditorial(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!CanPublish(actor))
            throw WorkflowException.Forbidden(Refusals.EditorsPublish());
    }

    public static void EnsureCanSubmit(Actor actor, ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(item);
        if (!CityRules.Allows(actor, Operations.Submit, item))
            throw WorkflowException.Forbidden(Refusals.CannotSubmit());
    }

    /// <summary>Editors publish their own items directly, and any approved item: which states allow it is the lifecycle's table.</summary>
    public static void EnsureCanPublish(Actor actor, ContentItem item, ContentState target, string? authorId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(item);
        EnsureEditorial(actor);
        var own = actor.Id is not null && authorId == actor.Id;
        ContentLifecycle.Editorial.Fire(target, ContentStep.Publish, new ContentContext(ByAuthor: own));
    }
}
