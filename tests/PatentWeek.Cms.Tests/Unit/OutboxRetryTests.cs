using PatentWeek.Cms.Outbox;

namespace PatentWeek.Cms.Tests.Unit;

/// <summary>The outbox's one back-off: doubling from the first wait, capped at the longest.</summary>
public sealed class OutboxRetryTests
{
    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(9, 2560)]
    [InlineData(10, 3600)]
    [InlineData(500, 3600)]
    public void The_default_waits_10_seconds_doubling_up_to_an_hour(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), OutboxRetry.Default.WaitAfter(failures));

    [Fact]
    public void A_handler_sets_its_own_first_and_longest_wait()
    {
        var retry = new OutboxRetry(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1800), NeverGiveUp: true);
        Assert.Equal([30, 60, 120, 240, 480, 960, 1800, 1800], Enumerable.Range(1, 8).Select(n => (int)retry.WaitAfter(n).TotalSeconds));
    }
}
