namespace PatentWeek.Cms.Data.Workflow;

/// <summary>An in-app message to one user, e.g. "your story was approved".</summary>
public class Notification
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public DateTime At { get; set; }
    public required string Message { get; set; }
    public int? ContentItemId { get; set; }

    /// <summary>Where the admin takes the reader for anything but a content item (a city's plan or report).</summary>
    public string? Link { get; set; }

    /// <summary>Names a notification that must reach a user once only (a deadline reminder), whatever re-runs it.</summary>
    public string? Key { get; set; }
    public DateTime? ReadAt { get; set; }
}
