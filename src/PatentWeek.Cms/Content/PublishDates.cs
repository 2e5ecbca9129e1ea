using PatentWeek.Cms.Data.Content;

namespace PatentWeek.Cms.Content;

/// <summary>
/// The displayed publish date is never earlier than the real first publish, and the product keeps it simple: the
/// date is recorded once and then never moves. The first publish records it (the time of that publish), or an
/// imported file records its own (a seed or a restored backup carries the date it was first published elsewhere);
/// after that no save, republish, revision restore, archive or re-import changes it. Neither the API nor the admin
/// offers a field for it, so there is nothing to back-date and nothing to audit; this is the one place that decides.
/// </summary>
public static class PublishDates
{
    /// <param name="recorded">The item's date so far (<see cref="ContentItem.PublishedAt"/>), null before its first publish.</param>
    /// <param name="fromFile">A date the save brings along: an imported file's, or the recorded one handed back by the workflow.</param>
    /// <param name="state">The state the save leaves the item in.</param>
    /// <param name="now">The time of the save.</param>
    public static DateTime? Next(DateTime? recorded, DateTime? fromFile, ContentState state, DateTime now) =>
        // A file's date counts only for an item that was published (live or archived): a draft's date would otherwise
        // be shown when it is first published later, earlier than that real first publish.
        recorded ?? (state is ContentState.Published or ContentState.Archived ? fromFile : null) ?? (state == ContentState.Published ? now : null);
}
