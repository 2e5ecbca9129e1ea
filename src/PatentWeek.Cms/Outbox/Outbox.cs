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

    Task<OutboxResult> HandleAsync(string payload, CancellationToken cancellationToken);
}

/// <summary>
/// How a job ended: done, or to run again at a time (a job that follows something outside, such as a WeChat
/// publish job, stays one row that comes back, so a crash can never leave two copies of it running).
/// </summary>
public readonly record struct OutboxResult(DateTime? RunAgainAt)
{
    public static OutboxResult Done => default;

    public static OutboxResult Later(DateTime at) => new(at);
}

/// <summary>Makes a waiting job of a type and payload due now (e.g. when a push says the thing it waits for happened).</summary>
public static class OutboxKick
{
    public static Task<int> KickAsync(this DbSet<OutboxMessage> messages, string type, string payload, DateTime now, CancellationToken cancellationToken) =>
        messages.Where(m => m.Type == type && m.Payload == payload && m.CompletedAt == null && m.CancelledAt == null && m.DueAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.DueAt, now), cancellationToken);
}
