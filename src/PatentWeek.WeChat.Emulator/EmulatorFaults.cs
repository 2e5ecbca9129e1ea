using System.Collections.Concurrent;

namespace PatentWeek.WeChat.Emulator;

/// <summary>
/// Faults a test arranges (through <c>POST /_emulator/faults</c> or directly): outcomes for the next publish jobs.
/// More kinds (any errcode, 5xx, timeouts, lost or doubled pushes) are arranged the same way.
/// </summary>
public sealed class EmulatorFaults
{
    private readonly ConcurrentQueue<int> _publishOutcomes = new();

    /// <summary>The next submitted job ends in <paramref name="status"/> (2, 3 or 4) instead of 0.</summary>
    public void FailNextPublish(int status) => _publishOutcomes.Enqueue(status);

    internal int TakePublishOutcome() => _publishOutcomes.TryDequeue(out var status) ? status : 0;
}
