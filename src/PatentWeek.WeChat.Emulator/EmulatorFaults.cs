using System.Collections.Concurrent;

namespace PatentWeek.WeChat.Emulator;

/// <summary>
/// Faults a test arranges (through <c>POST /_emulator/faults</c> or directly): outcomes for the next publish jobs.
/// More kinds (any errcode, 5xx, timeouts, lost or doubled pushes) are arranged the same way.
/// </summary>
public sealed class EmulatorFaults
{
    private readonly ConcurrentQueue<CallFault> _calls = new();

    /// <summary>The next <see cref="CallFault.Count"/> calls to <see cref="CallFault.Path"/> (or any path, "*") fail this way.</summary>
    public void Add(CallFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        _calls.Enqueue(fault);
    }

    /// <summary>The fault for this call, if one is arranged for its path; each use counts down its fault.</summary>
    internal CallFault? Take(string path)
    {
        foreach (var fault in _calls)
        {
            if ((fault.Path == "*" || fault.Path == path) && fault.TryUse())
                return fault;
        }

        return null;
    }

    private readonly ConcurrentQueue<int> _publishOutcomes = new();
    private int _lostPushes;
    private int _duplicatedPushes;

    /// <summary>The next submitted job ends in <paramref name="status"/> (2, 3 or 4) instead of 0.</summary>
    public void FailNextPublish(int status) => _publishOutcomes.Enqueue(status);

    internal int TakePublishOutcome() => _publishOutcomes.TryDequeue(out var status) ? status : 0;

    /// <summary>The next <paramref name="count"/> publish results are never pushed (polling must find them).</summary>
    public void LoseNextPushes(int count) => Interlocked.Add(ref _lostPushes, count);

    /// <summary>The next <paramref name="count"/> publish results are pushed twice.</summary>
    public void DuplicateNextPushes(int count) => Interlocked.Add(ref _duplicatedPushes, count);

    internal bool TakeLostPush() => Take(ref _lostPushes);

    internal bool TakeDuplicatedPush() => Take(ref _duplicatedPushes);

    private static bool Take(ref int counter)
    {
        for (var current = Volatile.Read(ref counter); current > 0; current = Volatile.Read(ref counter))
        {
            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current)
                return true;
        }

        return false;
    }
}

/// <summary>
/// One arranged failure: a WeChat error code (HTTP 200, as WeChat answers), an HTTP status (a 5xx from a proxy),
/// and/or a delay before answering (a slow or timed-out call). With <see cref="DelayAfterMs"/> the call is carried
/// out first and only its answer is late: a client that gives up meanwhile never learns what it created.
/// </summary>
public sealed class CallFault
{
    private int _left;

    public string Path { get; init; } = "*";
    public int? ErrCode { get; init; }
    public int? HttpStatus { get; init; }
    public int DelayMs { get; init; }
    public int DelayAfterMs { get; init; }

    public int Count
    {
        get => _left;
        init => _left = value;
    }

    internal bool TryUse() => Interlocked.Decrement(ref _left) >= 0;
}
