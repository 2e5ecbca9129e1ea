using System.Collections.Concurrent;
using StackExchange.Redis;

namespace PatentWeek.Cms.ScaleOut;

/// <summary>
/// Tells the other instances that something they hold in memory is stale (the published read model, the site's
/// identity), over one Redis channel. On a single instance, or while Redis is away, <see cref="Send"/> does nothing:
/// the caller has already refreshed its own copy, and the others fall back on their periodic re-read. When Redis
/// comes back every handler runs once, since any signal sent meanwhile was lost.
/// </summary>
public sealed partial class InstanceSignals
{
    private static readonly RedisChannel Channel = RedisChannel.Literal(SharedRedis.KeyPrefix + "signals");
    private readonly ConcurrentDictionary<string, Action> _handlers = new(StringComparer.Ordinal);
    private readonly SharedRedis _redis;
    private readonly ILogger<InstanceSignals> _logger;
    private int _subscribed;

    public InstanceSignals(SharedRedis redis, ILogger<InstanceSignals> logger)
    {
        _redis = redis;
        _logger = logger;
        redis.Restored += () =>
        {
            _ = SubscribeAsync();
            RunAll();
        };
    }

    /// <summary>This process among the instances: its own signals come back on the channel and are skipped.</summary>
    public string Instance { get; } = Guid.NewGuid().ToString("N")[..12];

    /// <summary>What to do when another instance sends <paramref name="name"/> (one handler per name).</summary>
    public void On(string name, Action handler) => _handlers[name] = handler;

    /// <summary>Tells the other instances; fire and forget, so a request never waits on it.</summary>
    public void Send(string name)
    {
        if (_redis.Connection is not { IsConnected: true } connection)
            return;
        try
        {
            connection.GetSubscriber().Publish(Channel, Instance + "|" + name, CommandFlags.FireAndForget);
        }
        catch (Exception e) when (SharedRedis.IsOutage(e))
        {
            LogNotSent(_logger, name, e.Message);
        }
    }

    /// <summary>
    /// Subscribes at start-up, or when Redis first answers if it did not then. Once made, the client renews the
    /// subscription by itself after every reconnect.
    /// </summary>
    internal async Task SubscribeAsync()
    {
        if (_redis.Connection is not { IsConnected: true } connection || Interlocked.Exchange(ref _subscribed, 1) == 1)
            return;
        try
        {
            await connection.GetSubscriber().SubscribeAsync(Channel, (_, message) => Receive(message));
        }
        catch (Exception e) when (SharedRedis.IsOutage(e))
        {
            Interlocked.Exchange(ref _subscribed, 0);
            LogNotSent(_logger, "subscribe", e.Message);
        }
    }

    private void Receive(RedisValue message)
    {
        var text = (string?)message;
        var bar = text?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        if (bar <= 0 || text![..bar] == Instance)
            return;
        if (_handlers.TryGetValue(text[(bar + 1)..], out var handler))
            handler();
    }

    private void RunAll()
    {
        foreach (var handler in _handlers.Values)
            handler();
    }

    [LoggerMessage(LogLevel.Warning, "Signal {Name} not sent to the other instances: {Reason}")]
    private static partial void LogNotSent(ILogger logger, string name, string reason);
}
