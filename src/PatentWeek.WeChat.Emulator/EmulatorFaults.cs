using System.Collections.Concurrent;

namespace PatentWeek.WeChat.Emulator;

/// <summary>
/// Faults a test arranges (through <c>POST /_emulator/faults</c> or directly): outcomes for the next publish jobs.
/// More kinds (any errcode, 5xx, timeouts, lost or doubled pushes) are arranged the same way.
/// </summary>
public sealed class EmulatorFaults
{
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
