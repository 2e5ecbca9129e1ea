using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Tests.Unit;

public sealed class BeijingTimeTests
{
    [Theory]
    [InlineData("2019-11-30 09:00", "2019-11-30T01:00:00Z")]
    [InlineData("2019-11-30 09:00:30", "2019-11-30T01:00:30Z")]
    [InlineData("2019-12-01 07:59", "2019-11-30T23:59:00Z")]
    [InlineData("2019-11-30", "2019-11-29T16:00:00Z")]
    [InlineData("2019-11-30T09:00:00+08:00", "2019-11-30T01:00:00Z")]
    [InlineData("2019-11-30T01:00:00Z", "2019-11-30T01:00:00Z")]
    public void Wall_clock_text_is_read_as_beijing_time(string text, string expectedUtc)
    {
        Assert.True(BeijingTime.TryParse(text, out var utc));
        Assert.Equal(DateTime.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime(), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("tomorrow")]
    [InlineData("2019-13-01 09:00")]
    [InlineData("30/11/2019")]
    [InlineData("2019-11-30 25:00")]
    public void Other_text_is_refused(string text) => Assert.False(BeijingTime.TryParse(text, out _));

    [Fact]
    public void Format_round_trips_to_the_tick()
    {
        var utc = new DateTime(2019, 11, 30, 1, 2, 3, DateTimeKind.Utc).AddTicks(1234567);
        Assert.True(BeijingTime.TryParse(BeijingTime.Format(utc), out var back));
        Assert.Equal(utc, back);
        Assert.Equal("2019-11-30 09:02:03.1234567", BeijingTime.Format(utc));
        Assert.Equal("2019-11-30 09:00:00", BeijingTime.Format(new DateTime(2019, 11, 30, 1, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void The_server_time_zone_plays_no_part()
    {
        var now = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2019, 11, 30, 16, 30, 0, TimeSpan.Zero));
        now.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("Elsewhere", TimeSpan.FromHours(-7), "Elsewhere", "Elsewhere"));
        var beijing = BeijingTime.Now(now);
        Assert.Equal(new DateTime(2019, 12, 1, 0, 30, 0), beijing.DateTime);
        Assert.Equal(TimeSpan.FromHours(8), beijing.Offset);
    }
}
