namespace PatentWeek.Cms.Data.Workflow;

/// <summary>An in-app message to one user, e.g. "your story was approved".</summary>
public class Notification
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public DateTime At { get; set; }
    public required string Message { get; set; }
    public int? ContentItemId { get; set; }
    public DateTime? ReadAt { get; set; }
}
