using PatentWeek.Cms.Data.Content;

namespace PatentWeek.Cms.Content;

/// <summary>
/// Which version of an item the next workflow step acts on, and in what state it is: the working copy of a
/// published item that has one, else the item itself. Decided here only; the workflow, the permission rules and
/// the admin's buttons all read it.
/// </summary>
public readonly record struct EditedVersion(ContentState State, bool IsCopy)
{
    public static EditedVersion Of(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var isCopy = item.State == ContentState.Published && item.WorkingCopy is not null;
        return new EditedVersion(isCopy ? item.WorkingCopyState ?? ContentState.Draft : item.State, isCopy);
    }

    /// <summary>The version being edited, as the editor works on it (the item itself of an unpublished item).</summary>
    public static ContentState EditingState(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.State == ContentState.Published ? item.WorkingCopyState ?? ContentState.Draft : item.State;
    }
}
