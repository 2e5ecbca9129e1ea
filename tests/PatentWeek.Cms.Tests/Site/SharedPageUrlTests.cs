using PatentWeek.Cms.Site.Share;

namespace PatentWeek.Cms.Tests.Site;

/// <summary>Which addresses the share signature accepts: this site's host and port, under its path or the request's PathBase.</summary>
public sealed class SharedPageUrlTests
{
    private static readonly Uri Site = new("https://zscq.example.cn/");

    [Theory]
    [InlineData("https://zscq.example.cn/", null, "https://zscq.example.cn/")]
    [InlineData("https://ZSCQ.example.cn/news/a?from=timeline#x", null, "https://ZSCQ.example.cn/news/a?from=timeline")]
    [InlineData("https://zscq.example.cn/zlz/news", "/zlz", "https://zscq.example.cn/zlz/news")]
    [InlineData("https://zscq.example.cn/zlz", "/zlz", "https://zscq.example.cn/zlz")]
    [InlineData("https://zscq.example.cn/tag/宣讲", null, "https://zscq.example.cn/tag/宣讲")]
    public void Pages_of_this_site_are_signed_as_given_without_the_fragment(string url, string? pathBase, string page)
    {
        Assert.True(SharedPageUrl.TryPage(url, Site, pathBase, out var signed, out var refusal), refusal?.Detail);
        Assert.Equal(page, signed);
    }

    [Theory]
    [InlineData("https://zscq.example.cn/news", "/zlz", "url_not_this_site")]
    [InlineData("https://zscq.example.cn/zlzx/news", "/zlz", "url_not_this_site")]
    [InlineData("https://other.example.cn/", null, "url_not_this_site")]
    [InlineData("https://zscq.example.cn/a b", null, "url_invalid")]
    [InlineData("ftp://zscq.example.cn/", null, "url_invalid")]
    [InlineData(null, null, "url_missing")]
    public void Other_addresses_are_refused_with_a_stable_code(string? url, string? pathBase, string code)
    {
        Assert.False(SharedPageUrl.TryPage(url, Site, pathBase, out _, out var refusal));
        Assert.Equal(code, refusal!.Code);
    }

    [Fact]
    public void A_public_base_url_with_a_path_is_the_root_of_what_is_signed()
    {
        var portal = new Uri("https://www.hubei.example.cn/zlz/");
        Assert.True(SharedPageUrl.TryPage("https://www.hubei.example.cn/zlz/news", portal, null, out _, out _));
        Assert.False(SharedPageUrl.TryPage("https://www.hubei.example.cn/news", portal, null, out _, out _));
        Assert.False(SharedPageUrl.TryPage("https://zscq.example.cn/zlz/" + new string('a', SharedPageUrl.MaxLength), Site, null, out _, out _));
    }
}
