using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Outbox;

namespace PatentWeek.Cms.Outbox;

/// <summary>
/// Writes side effects as outbox rows into the current unit of work: they are saved with the change that
/// causes them, or not at all, and a dispatcher runs them afterwards (at <c>dueAt</c> for scheduled ones).
/// </summary>
public sealed class OutboxWriter(CmsDbContext db, TimeProvider time)
{
    public OutboxMessage Enqueue<T>(string type, T payload, DateTime? dueAt = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage { Type = type, Payload = JsonSerializer.Serialize(payload), CreatedAt = now, DueAt = dueAt ?? now };
        db.OutboxMessages.Add(message);
        return message;
    }

    /// <summary>Cancels the pending jobs of a type whose payload names <paramref name="key"/> (e.g. an older schedule).</summary>
    public async Task CancelAsync(string type, string key, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var pending = await db.OutboxMessages
            .Where(m => m.Type == type && m.CompletedAt == null && m.CancelledAt == null && m.Payload.Contains(key))
            .ToListAsync(cancellationToken);
        foreach (var message in pending)
            message.CancelledAt = now;
    }
}

/// <summary>Runs one type of outbox job. Handlers must be idempotent: a job may run again after a crash.</summary>
public interface IOutboxHandler
{
    string Type { get; }

    Task HandleAsync(string payload, CancellationToken cancellationToken);
}
