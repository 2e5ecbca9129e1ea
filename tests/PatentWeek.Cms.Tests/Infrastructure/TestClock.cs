namespace PatentWeek.Cms.Tests.Infrastructure;

/// <summary>
/// The host's clock, movable by a test: the real clock plus an offset, so timers and delays keep running in real time
/// while "now" can be set to a deadline's last second.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;

    /// <summary>Makes now the given instant (and lets it run on from there).</summary>
    public void Set(DateTimeOffset now) => _offset = now - System.GetUtcNow();

    /// <summary>Now in Beijing time at the given wall-clock time.</summary>
    public void SetBeijing(int year, int month, int day, int hour, int minute, int second) =>
        Set(new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromHours(8)));

    public void Reset() => _offset = TimeSpan.Zero;
}
