using StackExchange.Redis;

namespace PatentWeek.Cms.ScaleOut;

/// <summary>
/// The one connection to the Redis named by <c>Cms:Redis</c>, shared by everything instances keep in common (the
/// output cache, <see cref="InstanceSignals"/>, WeChat credentials, sign-in limits). Absent: nothing is shared and
/// every caller keeps its state in the process, as on a single instance.
/// </summary>
/// <remarks>
/// Redis is a cache here, never the record: when it is away every caller falls back to what it keeps locally. So the
/// client never queues commands for a server it cannot reach (<see cref="BacklogPolicy.FailFast"/>), a command waits
/// at most a second for an answer, and the connection is retried in the background rather than failing start-up.
/// </remarks>
public sealed partial class SharedRedis(ILogger<SharedRedis> logger) : IAsyncDisposable
{
    public const string ConfigurationKey = "Cms:Redis";

    /// <summary>Every key this product writes starts with this, so one Redis can serve other software too.</summary>
    public const string KeyPrefix = "pwk:";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(1);
    private ConfigurationOptions? _options;
    private ConnectionMultiplexer? _connection;
    private int _lost;

    /// <summary>Raised when the connection comes back after it was lost: whatever was missed meanwhile must be assumed.</summary>
    public event Action? Restored;

    public bool IsConfigured => _options is not null;

    /// <summary>Connected now: callers that find it false use their local state without waiting.</summary>
    public bool IsAvailable => _connection is { IsConnected: true };

    /// <summary>The connection, once <see cref="ConnectAsync"/> ran; null without <c>Cms:Redis</c>.</summary>
    public IConnectionMultiplexer? Connection => _connection;

    public IDatabase? Database => IsAvailable ? _connection!.GetDatabase() : null;

    /// <summary>
    /// Reads <c>Cms:Redis</c>; null when it is absent, an explanation when it is not a Redis connection string. The
    /// options validator calls this, so a malformed value stops start-up with a message naming the key.
    /// </summary>
    public static string? Problem(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        try
        {
            var options = ConfigurationOptions.Parse(value);
            return options.EndPoints.Count == 0 ? $"{ConfigurationKey} names no server (expected host:port[,option=value…])." : null;
        }
        catch (ArgumentException e)
        {
            return $"{ConfigurationKey} is not a Redis connection string (host:port[,option=value…]): {e.Message}";
        }
    }

    /// <summary>
    /// Connects once, at start-up. An unreachable server costs one connect timeout (at most 5 s) and a warning; the
    /// client keeps trying, and <see cref="Restored"/> tells when it got through.
    /// </summary>
    public async Task ConnectAsync(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || _connection is not null)
            return;
        var options = ConfigurationOptions.Parse(value);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 5000);
        options.AsyncTimeout = Math.Min(options.AsyncTimeout, (int)CommandTimeout.TotalMilliseconds);
        options.SyncTimeout = Math.Min(options.SyncTimeout, (int)CommandTimeout.TotalMilliseconds);
        options.ClientName ??= "patentweek-cms";
        _options = options;
        _connection = await ConnectionMultiplexer.ConnectAsync(options);
        _connection.ConnectionFailed += (_, e) =>
        {
            // Raised at every failed reconnect too: said once per outage.
            if (e.ConnectionType == ConnectionType.Interactive && Interlocked.Exchange(ref _lost, 1) == 0)
                LogLost(logger, e.EndPoint?.ToString(), e.FailureType.ToString());
        };
        _connection.ConnectionRestored += (_, e) =>
        {
            // Raised once per connection type (commands, subscriptions): both mean the same to callers.
            if (e.ConnectionType == ConnectionType.Interactive)
            {
                Interlocked.Exchange(ref _lost, 0);
                LogRestored(logger, e.EndPoint?.ToString());
                Restored?.Invoke();
            }
        };
        if (!_connection.IsConnected && Interlocked.Exchange(ref _lost, 1) == 0)
            LogUnreachable(logger, string.Join(',', options.EndPoints));
    }

    /// <summary>Whether a failed Redis call is one of Redis being away (handled by falling back), not a bug.</summary>
    public static bool IsOutage(Exception e) => e is RedisException or TimeoutException or ObjectDisposedException or System.Net.Sockets.SocketException;

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
            await _connection.DisposeAsync();
    }

    [LoggerMessage(LogLevel.Warning, "Redis at {EndPoints} cannot be reached: each instance uses its own caches until it can")]
    private static partial void LogUnreachable(ILogger logger, string endPoints);

    [LoggerMessage(LogLevel.Warning, "Redis connection to {EndPoint} lost ({Failure}): each instance uses its own caches until it returns")]
    private static partial void LogLost(ILogger logger, string? endPoint, string failure);

    [LoggerMessage(LogLevel.Information, "Redis connection to {EndPoint} restored")]
    private static partial void LogRestored(ILogger logger, string? endPoint);
}
