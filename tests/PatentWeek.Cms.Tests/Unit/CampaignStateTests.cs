using Microsoft.Extensions.Time.Testing;
using PatentWeek.Cms.Site;

namespace PatentWeek.Cms.Tests.Unit;

public sealed class CampaignStateTests
{
    private static readonly DateOnly Start = new(2019, 11, 30);
    private static readonly DateOnly End = new(2019, 12, 6);

    [Theory]
    [InlineData("2019-11-01", "距开幕 29 天")]
    [InlineData("2019-11-29", "距开幕 1 天")]
    [InlineData("2019-11-30", "进行中 · 第 1 天")]
    [InlineData("2019-12-06", "进行中 · 第 7 天")]
    [InlineData("2019-12-07", "已结束")]
    public void The_state_follows_the_calendar_day(string today, string expected) =>
        Assert.Equal(expected, CampaignState.On(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), Start, End));

    [Fact]
    public void The_day_is_Beijing_s_not_the_server_s()
    {
        // 16:30 UTC on 29 November is already 00:30 on 30 November in Beijing: the week has begun.
        var time = new FakeTimeProvider(new DateTimeOffset(2019, 11, 29, 16, 30, 0, TimeSpan.Zero));
        Assert.Equal("进行中 · 第 1 天", CampaignState.Now(time, Start, End));
        var before = new FakeTimeProvider(new DateTimeOffset(2019, 11, 29, 15, 59, 0, TimeSpan.Zero));
        Assert.Equal("距开幕 1 天", CampaignState.Now(before, Start, End));
    }
}
