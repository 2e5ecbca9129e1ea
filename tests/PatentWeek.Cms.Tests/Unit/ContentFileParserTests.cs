using PatentWeek.Cms.Content.Import;
using PatentWeek.Cms.Data.Content;

namespace PatentWeek.Cms.Tests.Unit;

public sealed class ContentFileParserTests
{
    private static readonly Dictionary<int, DateOnly> Editions = new() { [13] = new DateOnly(2019, 11, 30) };
    private static readonly HashSet<string> Cities = ["420100", "429021"];

    private static ImportedItem Read(string text) =>
        ContentFileReader.Read(ContentFileParser.Parse("13/news/x.md", text), Editions, Cities);

    private static ContentImportException Fails(string text) =>
        Assert.Throws<ContentImportException>(() => Read(text));

    [Fact]
    public void A_full_file_is_read()
    {
        var item = Read("""
            ---
            kind: event
            edition: 13
            title: 示例活动
            slug: an-event
            summary: 摘要
            city: "420100"
            tags: [专利, 服务对接]
            source: 示例来源
            author: 作者
            editor: 编辑
            original: false
            pinned: true
            state: draft
            publishedAt: "2019-11-30 09:00"
            startsAt: "2019-12-01 09:00"
            endsAt: "2019-12-01 12:00"
            location: 某会场
            ---
            # 正文

            内容
            """);
        var f = item.Fields;
        Assert.Equal(ContentKind.Event, f.Kind);
        Assert.Equal("an-event", f.Slug);
        Assert.Equal("420100", f.City);
        Assert.Equal(["专利", "服务对接"], f.Tags);
        Assert.False(f.IsOriginal);
        Assert.True(f.IsPinned);
        Assert.Equal(ContentState.Draft, f.State);
        Assert.Equal(new DateTime(2019, 11, 30, 1, 0, 0, DateTimeKind.Utc), f.PublishedAt);
        Assert.Equal(new DateTime(2019, 12, 1, 4, 0, 0, DateTimeKind.Utc), f.EndsAt);
        Assert.Equal("编辑", f.Texts[PatentWeek.Cms.Content.Types.TextFields.ResponsibleEditor]);
        Assert.Equal("# 正文\n\n内容", f.Body);
    }

    [Fact]
    public void Defaults_are_published_original_and_a_stable_generated_slug()
    {
        const string text = "---\nkind: news\nedition: 13\ntitle: 第十三届中国专利周启动\npublishedAt: 2019-11-30 10:00\n---\n正文\n";
        var item = Read(text);
        Assert.Equal(ContentState.Published, item.Fields.State);
        Assert.True(item.Fields.IsOriginal);
        Assert.Equal("x", item.Fields.Slug);
        var chinese = ContentFileReader.Read(ContentFileParser.Parse("13/news/启动.md", text), Editions, Cities);
        Assert.Matches("^20191130-[0-9a-f]{6}$", chinese.Fields.Slug);
    }

    [Fact]
    public void Windows_line_endings_and_a_bom_are_accepted()
    {
        var item = Read("\uFEFF---\r\nkind: page\r\nedition: 13\r\ntitle: 页面\r\nslug: p\r\n---\r\n正文\r\n");
        Assert.Equal("正文", item.Fields.Body);
    }

    [Theory]
    [InlineData("kind: page\ntitle: x\n", 1, "must start with a '---'")]
    [InlineData("---\nkind: page\nedition: 13\ntitle: x\n", 5, "never closed")]
    [InlineData("---\nkind: page\nedition: 13\ntitle: [oops\n---\n", 4, "")]
    [InlineData("---\nkind: page\nedition: 13\ntitel: x\n---\n", 4, "titel")]
    [InlineData("---\nkind: blog\nedition: 13\ntitle: x\n---\n", 2, "kind must be one of")]
    [InlineData("---\nkind: page\ntitle: x\n---\n", 1, "edition")]
    [InlineData("---\nkind: page\nedition: 14\ntitle: x\n---\n", 3, "edition 14 is not defined")]
    [InlineData("---\nkind: page\nedition: 13\n---\n", 1, "title is required")]
    [InlineData("---\nkind: page\nedition: 13\ntitle: x\nslug: Not_A_Slug\n---\n", 5, "slug must be")]
    [InlineData("---\nkind: page\nedition: 13\ntitle: x\nstate: live\n---\n", 5, "state must be")]
    [InlineData("---\nkind: page\nedition: 13\ntitle: x\ncity: \"999999\"\n---\n", 5, "not a known city")]
    [InlineData("---\nkind: story\nedition: 13\ntitle: x\n---\n", 1, "needs the city")]
    [InlineData("---\nkind: news\nedition: 13\ntitle: x\npublishedAt: next week\n---\n", 5, "not a Beijing time")]
    [InlineData("---\nkind: event\nedition: 13\ntitle: x\ncity: \"420100\"\nstartsAt: 2019-12-02 09:00\nendsAt: 2019-12-01 09:00\n---\n", 7, "before startsAt")]
    [InlineData("---\nkind: page\nedition: 13\ntitle: x\npinned: maybe\n---\n", 5, "")]
    [InlineData("---\nkind: page\nedition: 13\ntitle: x\nsource: 0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789x\n---\n", 5, "source is longer than 100")]
    [InlineData("---\nkind: page\nedition: 13\ntitle: x\ntags: [01234567890123456789012345678901234567890123456789012345678901234]\n---\n", 5, "longer than 64")]
    public void Errors_name_the_line(string text, int line, string reason)
    {
        var error = Fails(text);
        Assert.Equal("13/news/x.md", error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"13/news/x.md:{line}: ", error.Message, StringComparison.Ordinal);
    }
}
