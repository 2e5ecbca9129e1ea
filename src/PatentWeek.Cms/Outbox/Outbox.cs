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
    /// <param name="key">What the job is about (e.g. <c>content/5</c>): how <see cref="CancelAsync"/> and <see cref="OutboxKick"/> find it.</param>
    public OutboxMessage Enqueue<T>(string type, T payload, DateTime? dueAt = null, string? key = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage { Type = type, Key = key, Payload = JsonSerializer.Serialize(payload), CreatedAt = now, DueAt = dueAt ?? now };
        db.OutboxMessages.Add(message);
        return message;
    }

    /// <summary>Cancels the pending jobs of a type about <paramref name="key"/> (e.g. an item's older schedule).</summary>
    public async Task CancelAsync(string type, string key, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var pending = await db.OutboxMessages
            .Where(m => m.Type == type && m.Key == key && m.CompletedAt == null && m.CancelledAt == null)
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

    /// <summary>How long a failed job waits before it runs again, and when it gives up.</summary>
    OutboxRetry Retry => OutboxRetry.Default;
}

/// <summary>
/// The outbox's one back-off: after the n-th failure in a row a job waits <see cref="First"/> × 2^(n-1), at most
/// <see cref="Longest"/>. It gives up after the dispatcher's ten failures in a row, unless <see cref="NeverGiveUp"/>
/// (a job that follows something outside, which must not be left half-way).
/// </summary>
public sealed record OutboxRetry(TimeSpan First, TimeSpan Longest, bool NeverGiveUp = false)
{
    public static readonly OutboxRetry Default = new(TimeSpan.FromSeconds(10), TimeSpan.FromHours(1));

    public TimeSpan WaitAfter(int failures) =>
        TimeSpan.FromSeconds(Math.Min(Longest.TotalSeconds, First.TotalSeconds * Math.Pow(2, Math.Clamp(failures - 1, 0, 30))));
}

/// <summary>
/// How a job ended: done, to run again at a time (a job that follows something outside, such as a WeChat
/// publish job, stays one row that comes back, so a crash can never leave two copies of it running), or failed
/// for <see cref="RetryReason"/> and to be retried after the outbox's back-off (<see cref="OutboxRetry"/>).
/// </summary>
public readonly record struct OutboxResult(DateTime? RunAgainAt, string? RetryReason = null, int? FailuresInARow = null)
{
    public static OutboxResult Done => default;

    public static OutboxResult Later(DateTime at) => new(at);

    /// <summary>Failed, worth trying again: the dispatcher records the reason and waits as <see cref="IOutboxHandler.Retry"/> says.</summary>
    public static OutboxResult Retry(string reason) => new(null, reason);

    /// <summary>
    /// Failed, worth trying again, after <paramref name="failuresInARow"/> failures as the handler counts them: a job that
    /// made progress in between (a WeChat post drafted, then refused at submit) starts its back-off afresh.
    /// </summary>
    public static OutboxResult Retry(string reason, int failuresInARow) => new(null, reason, failuresInARow);
}

/// <summary>Makes a waiting job of a type and key due now (e.g. when a push says the thing it waits for happened).</summary>
public static class OutboxKick
{
    public static Task<int> KickAsync(this DbSet<OutboxMessage> messages, string type, string key, DateTime now, CancellationToken cancellationToken) =>
        messages.Where(m => m.Type == type && m.Key == key && m.CompletedAt == null && m.CancelledAt == null && m.DueAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.DueAt, now), cancellationToken);
}
