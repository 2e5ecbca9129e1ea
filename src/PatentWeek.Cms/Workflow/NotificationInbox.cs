using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Workflow;

namespace PatentWeek.Cms.Workflow;

/// <summary>
/// Each user's own notifications, as the dashboard and the management API read and mark them. <see cref="Notifier"/>
/// writes them; this reads them, so both callers list and mark read alike.
/// </summary>
public sealed class NotificationInbox(CmsDbContext db, TimeProvider time)
{
    /// <summary>The user's newest notifications first.</summary>
    public Task<List<Notification>> ListAsync(Actor actor, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var userId = actor.Id;
        return db.Notifications.AsNoTracking().Where(n => n.UserId == userId)
            .OrderByDescending(n => n.At).ThenByDescending(n => n.Id).Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>Marks one of the user's notifications read (again is fine); false when the user has no such notification.</summary>
    public async Task<bool> MarkReadAsync(Actor actor, long notificationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var userId = actor.Id;
        var now = time.GetUtcNow().UtcDateTime;
        var updated = await db.Notifications.Where(n => n.Id == notificationId && n.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, n => n.ReadAt ?? now), cancellationToken);
        return updated > 0;
    }

    /// <summary>Marks every unread notification of the user read.</summary>
    public Task MarkAllReadAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var userId = actor.Id;
        var now = time.GetUtcNow().UtcDateTime;
        return db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}
