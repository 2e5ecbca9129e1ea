using PatentWeek.Cms.Content;
using PatentWeek.Cms.Data.Content;

namespace PatentWeek.Cms.Workflow;

/// <summary>The steps of an item's lifecycle; the workflow, the admin's buttons and the tests name them so.</summary>
public enum ContentStep
{
    Submit,
    Approve,
    Reject,
    Publish,
    SchedulePublish,
    Unpublish,
    ScheduleUnpublish,
    Trash,
    Restore,
}

/// <summary>Whether an item is on the site's side of the trash or in it.</summary>
public enum TrashState
{
    Live,
    Trashed,
}

/// <summary>
/// What a step's condition reads besides the state: whether the person taking it wrote the version it acts on,
/// whether a publish is scheduled, when the item went to the trash, and the time now.
/// </summary>
public readonly record struct ContentContext(bool ByAuthor = false, bool PublishScheduled = false, DateTime? DeletedAt = null, DateTime Now = default)
{
    /// <summary>The context of <paramref name="item"/> for the person with user id <paramref name="actorId"/>.</summary>
    public static ContentContext For(ContentItem item, string? actorId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new(actorId is not null && ContentLifecycle.AuthorOf(item) == actorId, item.ScheduledPublishAt is not null, item.DeletedAt, now);
    }
}

/// <summary>A step the lifecycle allowed: the state it leads to, and whether it moves the working copy or the item.</summary>
public readonly record struct ContentMove(ContentStep Step, ContentState To, bool OnCopy);

/// <summary>
/// An item's lifecycle, decided here only: which steps can happen next, which version each acts on and where it
/// leads, with the refusal (code, English, Chinese) when the state does not allow it. Who may take a step
/// (role, city, ownership) is <see cref="ContentPermissions"/>'s; this is what the state allows.
/// The editorial steps (submit, approve, reject, publish, schedule) act on the edited version — the working copy
/// of a published item that has one (<see cref="EditedVersion"/>) — the others on the item itself.
/// </summary>
public static class ContentLifecycle
{
    /// <summary>How long a trashed item can be restored; the purge deletes it after.</summary>
    public static readonly TimeSpan TrashRetention = TimeSpan.FromDays(30);

    /// <summary>
    /// draft → submitted → approved → published → archived, reject back to draft; an author publishes their own draft
    /// or submission directly; a schedule leaves the state as it is until its time.
    /// </summary>
    public static readonly StateMachine<ContentState, ContentStep, ContentContext> Editorial = BuildEditorial();

    /// <summary>Into the trash from anywhere; back out within <see cref="TrashRetention"/>.</summary>
    public static readonly StateMachine<TrashState, ContentStep, ContentContext> Trash =
        new StateMachineBuilder<TrashState, ContentStep, ContentContext>()
            .Step(ContentStep.Trash, _ => Refusals.NotFound())
            .Permit(ContentStep.Trash, TrashState.Live, TrashState.Trashed)
            .Step(ContentStep.Restore, _ => Refusals.NotInTrash())
            .PermitIf(ContentStep.Restore, TrashState.Trashed, TrashState.Live,
                c => c.DeletedAt is { } at && at >= c.Now - TrashRetention, _ => Refusals.TrashExpired())
            .Build();

    private static StateMachine<ContentState, ContentStep, ContentContext> BuildEditorial()
    {
        var machine = new StateMachineBuilder<ContentState, ContentStep, ContentContext>()
            .Step(ContentStep.Submit, Refusals.SubmitDraftsOnly)
            .Permit(ContentStep.Submit, ContentState.Draft, ContentState.Submitted)
            .Step(ContentStep.Approve, Refusals.ApproveSubmittedOnly)
            .Permit(ContentStep.Approve, ContentState.Submitted, ContentState.Approved)
            .Step(ContentStep.Reject, Refusals.RejectSubmittedOnly)
            .Permit(ContentStep.Reject, ContentState.Submitted, ContentState.Draft)
            .Step(ContentStep.Unpublish, Refusals.UnpublishPublishedOnly)
            .Permit(ContentStep.Unpublish, ContentState.Published, ContentState.Archived)
            .Step(ContentStep.ScheduleUnpublish, _ => Refusals.ScheduleUnpublishPublishedOnly())
            .Permit(ContentStep.ScheduleUnpublish, ContentState.Published, ContentState.Published);
        foreach (var state in Enum.GetValues<ContentState>().Where(s => s != ContentState.Published))
            machine.PermitIf(ContentStep.ScheduleUnpublish, state, state, c => c.PublishScheduled, _ => Refusals.ScheduleUnpublishPublishedOnly());

        // A publish, now or at a time, from the same states: a published version without pending changes has nothing to publish.
        foreach (var step in new[] { ContentStep.Publish, ContentStep.SchedulePublish })
        {
            machine.Step(step, _ => Refusals.NothingToPublish());
            ContentState To(ContentState from) => step == ContentStep.Publish ? ContentState.Published : from;
            foreach (var from in new[] { ContentState.Approved, ContentState.Archived })
                machine.Permit(step, from, To(from));
            foreach (var from in new[] { ContentState.Draft, ContentState.Submitted })
                machine.PermitIf(step, from, To(from), c => c.ByAuthor, _ => Refusals.ApprovedOnlyPublish());
        }

        return machine.Build();
    }

    /// <summary>Whether the step acts on the working copy (an editorial step on a published item that has one).</summary>
    public static bool ActsOnCopy(ContentItem item, ContentStep step) => IsEditorial(step) && EditedVersion.Of(item).IsCopy;

    /// <summary>The state of the version the step acts on.</summary>
    public static ContentState StateFor(ContentItem item, ContentStep step)
    {
        ArgumentNullException.ThrowIfNull(item);
        return IsEditorial(step) ? EditedVersion.Of(item).State : item.State;
    }

    /// <summary>Who wrote the version the editorial steps act on: the working copy's author, else the item's.</summary>
    public static string? AuthorOf(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return EditedVersion.Of(item).IsCopy ? item.WorkingCopyById ?? item.CreatedById : item.CreatedById;
    }

    /// <summary>An edit of a published item goes to its working copy; the live version stays as it is until that is published.</summary>
    public static bool EditsWorkingCopy(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.State == ContentState.Published;
    }

    /// <summary>Why the step may not be taken now, or null when it may.</summary>
    public static Refusal? Refusal(ContentItem item, ContentStep step, ContentContext context) => Decide(item, step, context).Refusal;

    /// <summary>What can happen next to the item, as far as its state goes.</summary>
    public static IReadOnlyList<ContentStep> Next(ContentItem item, ContentContext context) =>
        [.. Enum.GetValues<ContentStep>().Where(step => Refusal(item, step, context) is null)];

    /// <summary>The move the step makes, or a 409 with the step's refusal (a 404 for an item in the trash: it is gone).</summary>
    public static ContentMove Ensure(ContentItem item, ContentStep step, ContentContext context)
    {
        var (move, refusal) = Decide(item, step, context);
        if (refusal is null)
            return move;
        throw refusal == Refusals.NotFound() ? WorkflowException.NotFound() : WorkflowException.Illegal(refusal);
    }

    /// <summary>Refuses (409) a step the item's state has no transition for at all, before asking who takes it.</summary>
    public static void EnsureHas(ContentItem item, ContentStep step)
    {
        if (IsTrash(step))
            Trash.EnsureHas(TrashStateOf(item), step);
        else
            Editorial.EnsureHas(StateFor(item, step), step);
    }

    /// <summary>Writes the move's state into the version it moves (the working copy or the item); nothing else.</summary>
    public static void Apply(ContentItem item, ContentMove move)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (move.OnCopy)
            item.WorkingCopyState = move.To;
        else
            item.State = move.To;
    }

    /// <summary>Ends the working copy once its fields became the item (published, or merged on unpublishing).</summary>
    public static void DropCopy(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        item.WorkingCopy = null;
        item.WorkingCopyState = null;
        item.WorkingCopyById = null;
    }

    private static (ContentMove Move, Refusal? Refusal) Decide(ContentItem item, ContentStep step, ContentContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        // In the trash an item is gone from everything but the trash: only restoring it is a step.
        if (item.DeletedAt is not null && step != ContentStep.Restore)
            return (new ContentMove(step, item.State, false), Refusals.NotFound());
        if (IsTrash(step))
        {
            var trash = Trash.Decide(TrashStateOf(item), step, context);
            return (new ContentMove(step, item.State, false), trash.Refusal);
        }

        var edited = Editorial.Decide(StateFor(item, step), step, context);
        return (new ContentMove(step, edited.To, ActsOnCopy(item, step)), edited.Refusal);
    }

    private static TrashState TrashStateOf(ContentItem item) => item.DeletedAt is null ? TrashState.Live : TrashState.Trashed;

    private static bool IsTrash(ContentStep step) => step is ContentStep.Trash or ContentStep.Restore;

    private static bool IsEditorial(ContentStep step) =>
        step is ContentStep.Submit or ContentStep.Approve or ContentStep.Reject or ContentStep.Publish or ContentStep.SchedulePublish;
}
