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
}
