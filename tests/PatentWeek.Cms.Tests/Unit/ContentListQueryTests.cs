using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Delivery;

namespace PatentWeek.Cms.Tests.Unit;

public sealed class ContentListQueryTests
{
    [Fact]
    public void Nothing_given_means_the_first_page_of_the_current_edition()
    {
        Assert.True(new ContentListQuery(null, null, null, null, null, null).TryValidate(out var filter, out var errors));
        Assert.Empty(errors);
        Assert.Equal(new ContentFilter(null, null, null, null, 1, ContentListQuery.DefaultPageSize), filter);
    }

    [Fact]
    public void Every_parameter_is_read()
    {
        Assert.True(new ContentListQuery("story", "420100", "亮点", "13", "2", "5").TryValidate(out var filter, out _));
        Assert.Equal(new ContentFilter(13, ContentKind.Story, "420100", "亮点", 2, 5), filter);
    }

    [Theory]
    [InlineData(" 1")]
    [InlineData("+1")]
    [InlineData("0x10")]
    [InlineData("1e3")]
    [InlineData("")]
    public void Numbers_are_plain_digits(string page)
    {
        Assert.False(new ContentListQuery(null, null, null, null, page, null).TryValidate(out _, out var errors));
        Assert.Contains("page", errors.Keys);
    }

    [Fact]
    public void All_errors_are_reported_together()
    {
        Assert.False(new ContentListQuery("x", "1", "", "0", "0", "101").TryValidate(out _, out var errors));
        Assert.Equal(["city", "edition", "kind", "page", "pageSize", "tag"], errors.Keys.Order());
    }
    [Fact]
    public void Dates_are_whole_beijing_days_both_included()
    {
        Assert.True(new ContentListQuery("event", null, null, null, null, null, "2019-12-01", "2019-12-03").TryValidate(out var filter, out _));
        Assert.Equal(new DateOnly(2019, 12, 1), filter.From);
        Assert.Equal(new DateTime(2019, 11, 30, 16, 0, 0, DateTimeKind.Utc), filter.FromUtc);
        Assert.Equal(new DateTime(2019, 12, 3, 16, 0, 0, DateTimeKind.Utc), filter.BeforeUtc);
        Assert.True(new ContentListQuery(null, null, null, null, null, null, "2019-12-01", "2019-12-01").TryValidate(out _, out _));
    }

    [Theory]
    [InlineData("2019-12-02", "2019-12-01", "from")]
    [InlineData("2019-02-30", null, "from")]
    [InlineData(null, "12/01/2019", "to")]
    public void Bad_or_reversed_dates_name_the_parameter(string? from, string? to, string field)
    {
        Assert.False(new ContentListQuery(null, null, null, null, null, null, from, to).TryValidate(out _, out var errors));
        Assert.Equal([field], errors.Keys);
    }
}
