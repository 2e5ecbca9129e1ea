using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Outbox;

/// <summary>
/// Deletes outbox rows that finished (completed or cancelled) more than a week ago; runs hourly. Every publish, trash
/// and media change now leaves an event row, so without this the table would only grow. A week keeps what happened
/// lately readable for whoever looks into a problem; rows still waiting (a failing job's next retry) are never deleted.
/// </summary>
public sealed class OutboxPurger(IServiceScopeFactory scopes, TimeProvider time, ILogger<OutboxPurger> logger) : HourlyPurge(scopes, time, logger)
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    protected override Task<int> PurgeAsync(CmsDbContext db, CancellationToken cancellationToken)
    {
        var cutoff = Time.GetUtcNow().UtcDateTime - Retention;
        return db.OutboxMessages
            .Where(m => (m.CompletedAt != null && m.CompletedAt < cutoff) || (m.CancelledAt != null && m.CancelledAt < cutoff))
            .ExecuteDeleteAsync(cancellationToken);
    }
}
