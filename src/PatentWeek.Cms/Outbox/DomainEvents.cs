using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Outbox;

namespace PatentWeek.Cms.Outbox;

/// <summary>
/// Something that happened in the domain and that other features react to (the output cache today; search, feeds,
/// sitemaps and webhooks later). It is stored as an outbox row in the same transaction as the change.
/// </summary>
public interface IDomainEvent
{
    /// <summary>The outbox row's type, e.g. <c>content.published</c>; stable, since rows outlive a deployment.</summary>
    static abstract string EventType { get; }

    /// <summary>What the event is about, e.g. <c>content/5</c>: the row's key.</summary>
    string Key { get; }
}

/// <summary>Reacts to one kind of event. Must be idempotent: an event may reach it again after a crash or a failure.</summary>
public interface IDomainEventListener<in TEvent>
    where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}

/// <summary>
/// Raises events into the current unit of work, and runs the ones that were saved right after the commit. The rows
/// are due a little later than now: the code that raised them runs them at once (so a publish shows in the answer to
/// it), and the dispatcher only when that never happened (the process died in between) or failed (then with back-off).
/// </summary>
public sealed class DomainEvents(CmsDbContext db, OutboxWriter outbox, OutboxDispatcher dispatcher, TimeProvider time)
{
    /// <summary>How long the dispatcher leaves a fresh event to the code that raised it.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    private readonly List<OutboxMessage> _raised = [];

    /// <summary>Adds the event to the unit of work: it is saved by the next <c>SaveChanges</c>, with the change, or not at all.</summary>
    public void Raise<TEvent>(TEvent domainEvent)
        where TEvent : IDomainEvent
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        _raised.Add(outbox.Enqueue(TEvent.EventType, domainEvent, time.GetUtcNow().UtcDateTime + Grace, domainEvent.Key));
    }

    /// <summary>Takes back the events not saved yet, when the change they belong to is given up without a save.</summary>
    public void DropUnsaved()
    {
        foreach (var message in _raised.Where(m => db.Entry(m).State == EntityState.Added))
            db.Entry(message).State = EntityState.Detached;
        _raised.RemoveAll(m => db.Entry(m).State == EntityState.Detached);
    }

    /// <summary>
    /// Runs the handlers of the events saved so far, each row once; call it after the commit. Events of a failed save
    /// (no longer tracked, or not saved) are dropped, as the save dropped them.
    /// </summary>
    public async Task RunSavedAsync()
    {
        var saved = _raised.Where(m => m.Id != 0 && db.Entry(m).State == EntityState.Unchanged).Select(m => m.Id).ToList();
        _raised.Clear();
        // Not the request's token: the change is committed, and a closed browser must not leave the cache stale.
        foreach (var id in saved)
            await dispatcher.RunNowAsync(id, CancellationToken.None);
    }
}

/// <summary>The outbox handler of one event type: hands the event to every handler a feature registered for it.</summary>
internal sealed class DomainEventRunner<TEvent>(IEnumerable<IDomainEventListener<TEvent>> handlers) : IOutboxHandler
    where TEvent : IDomainEvent
{
    public string Type => TEvent.EventType;

    public async Task<OutboxResult> HandleAsync(string payload, CancellationToken cancellationToken)
    {
        var domainEvent = JsonSerializer.Deserialize<TEvent>(payload) ?? throw new InvalidOperationException($"Empty {Type} event.");
        foreach (var handler in handlers)
            await handler.HandleAsync(domainEvent, cancellationToken);
        return OutboxResult.Done;
    }
}

public static class DomainEventRegistration
{
    /// <summary>Lets a feature listen to an event; several features may listen to the same one.</summary>
    public static IServiceCollection AddDomainEventListener<TEvent, THandler>(this IServiceCollection services)
        where TEvent : IDomainEvent
        where THandler : class, IDomainEventListener<TEvent>
    {
        services.AddScoped<IDomainEventListener<TEvent>, THandler>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IOutboxHandler, DomainEventRunner<TEvent>>());
        return services;
    }
}
