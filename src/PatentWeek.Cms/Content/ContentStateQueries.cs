using PatentWeek.Cms.Data.Content;

namespace PatentWeek.Cms.Content;

/// <summary>Which items count as being in a workflow state, for every list that filters by one.</summary>
public static class ContentStateQueries
{
    /// <summary>
    /// The item is in the state, or its pending revision is: a published item whose revision was approved is
    /// both published (the public sees it) and approved (an editor may publish the revision).
    /// </summary>
    public static IQueryable<ContentItem> InState(this IQueryable<ContentItem> items, ContentState state) =>
        items.Where(i => i.State == state || i.WorkingCopyState == state);

    /// <summary>
    /// Approved and still waiting for an editor to publish it. A scheduled one is left out: an editor already
    /// decided when it goes out and the scheduler publishes it; it still shows in the content list under 已通过.
    /// </summary>
    public static IQueryable<ContentItem> AwaitingPublish(this IQueryable<ContentItem> items) =>
        items.InState(ContentState.Approved).Where(i => i.ScheduledPublishAt == null);
}
