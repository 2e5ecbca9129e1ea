namespace PatentWeek.Cms.Data.Outbox;

/// <summary>
/// A side effect to run, written in the same transaction as the change that causes it. The dispatcher
/// claims due rows with a lease (safe with several instances), runs them, and records every attempt.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>What to do, e.g. <c>content.publish</c>.</summary>
    public required string Type { get; set; }

    /// <summary>
    /// What the job is about, e.g. <c>content/5</c>, set by the writer: an older schedule is cancelled and a waiting job
    /// woken by type and key (indexed), never by searching the payload's text.
    /// </summary>
    public string? Key { get; set; }

    /// <summary>JSON arguments of the job.</summary>
    public required string Payload { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Not before this instant (UTC): scheduled jobs wait for it.</summary>
    public DateTime DueAt { get; set; }
    public DateTime? LockedUntil { get; set; }
    public string? LockedBy { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime? CompletedAt { get; set; }

    /// <summary>Cancelled by a later decision (e.g. a rescheduled publish); never runs.</summary>
    public DateTime? CancelledAt { get; set; }
}
