using PatentWeek.Cms.Content;

namespace PatentWeek.Cms.Tests.Unit;

public sealed class SlugsTests
{
    [Theory]
    [InlineData("notice", true)]
    [InlineData("20191130-3f9a1c", true)]
    [InlineData("a-b-c", true)]
    [InlineData("A-b", false)]
    [InlineData("a--b", false)]
    [InlineData("-a", false)]
    [InlineData("a-", false)]
    [InlineData("通知", false)]
    [InlineData("a b", false)]
    [InlineData("../etc", false)]
    [InlineData("", false)]
    public void Valid_slugs_are_lower_case_ascii_with_single_hyphens(string slug, bool valid) =>
        Assert.Equal(valid, Slugs.IsValid(slug));

    [Fact]
    public void Ascii_titles_become_kebab_case()
    {
        Assert.Equal("patent-week-2019-launch", Slugs.Generate("Patent Week 2019: Launch!", new DateOnly(2019, 11, 30)));
    }

    [Fact]
    public void Chinese_titles_get_the_date_and_a_short_id()
    {
        var slug = Slugs.Generate("第十三届中国专利周启动", new DateOnly(2019, 11, 30));
        Assert.Matches("^20191130-[0-9a-f]{6}$", slug);
        Assert.True(Slugs.IsValid(slug));
    }

    [Fact]
    public void A_seed_fixes_the_short_id_and_no_seed_varies_it()
    {
        var date = new DateOnly(2019, 11, 30);
        Assert.Equal(Slugs.Generate("启动", date, "13/news/a.md"), Slugs.Generate("启动", date, "13/news/a.md"));
        Assert.NotEqual(Slugs.Generate("启动", date, "13/news/a.md"), Slugs.Generate("启动", date, "13/news/b.md"));
        var random = Enumerable.Range(0, 5).Select(_ => Slugs.Generate("启动", date)).Distinct().Count();
        Assert.True(random > 1);
    }

    [Fact]
    public void Mixed_titles_with_chinese_are_not_transliterated()
    {
        Assert.Matches("^20191201-[0-9a-f]{6}$", Slugs.Generate("IP 服务万里行", new DateOnly(2019, 12, 1), "x"));
    }

    [Fact]
    public void Long_titles_are_cut_at_a_hyphen()
    {
        var slug = Slugs.Generate(string.Join(' ', Enumerable.Repeat("patent", 20)), new DateOnly(2019, 1, 1));
        Assert.True(slug.Length <= 60);
        Assert.True(Slugs.IsValid(slug));
    }
}
