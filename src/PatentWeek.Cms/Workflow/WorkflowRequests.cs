using System.ComponentModel.DataAnnotations;

namespace PatentWeek.Cms.Workflow;

/// <summary>The body of a rejection: the reviewer's comment, shown to the author.</summary>
public sealed record CommentRequest([property: Required, MaxLength(2000)] string? Comment);

/// <summary>The body of a publish or unpublish: empty for now, or a Beijing time to schedule it for.</summary>
public sealed record ScheduleRequest([property: MaxLength(40)] string? At);
