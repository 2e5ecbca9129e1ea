using PatentWeek.Cms.Data;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Outbox;

namespace PatentWeek.Cms.Campaign.Reminders;

/// <summary>
/// The reminders as one outbox job that comes back: it sends what is due, then waits until the next reminder's time
/// (an hour at most, so a task or an extension changed meanwhile is seen). The outbox's lease makes it run on one
/// instance at a time, and each reminder's key makes it reach each person once even when a run is repeated.
/// </summary>
internal sealed class ReminderJob(ReminderService reminders, TimeProvider time) : IOutboxHandler
{
    public const string Type = "campaign.reminders";
    public const string Key = "campaign/reminders";

    string IOutboxHandler.Type => Type;

    public async Task<OutboxResult> HandleAsync(string payload, CancellationToken cancellationToken)
    {
        var next = await reminders.RunScheduledAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var hour = now.AddHours(1);
        return OutboxResult.Later(next is { } at && at < hour ? at : hour);
    }
}

/// <summary>Makes sure the reminder job is waiting in the outbox: at start, and every hour should it ever have ended.</summary>
internal sealed class ReminderSchedule(IServiceScopeFactory scopes, TimeProvider time, ILogger<ReminderSchedule> logger) : HourlyPurge(scopes, time, logger)
{
    protected override async Task<int> PurgeAsync(CmsDbContext db, CancellationToken cancellationToken)
    {
        if (db.OutboxMessages.Any(m => m.Type == ReminderJob.Type && m.CompletedAt == null && m.CancelledAt == null))
            return 0;
        db.OutboxMessages.Add(new Data.Outbox.OutboxMessage
        {
            Type = ReminderJob.Type, Key = ReminderJob.Key, Payload = "{}", CreatedAt = Time.GetUtcNow().UtcDateTime, DueAt = Time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return 0;
    }
}
