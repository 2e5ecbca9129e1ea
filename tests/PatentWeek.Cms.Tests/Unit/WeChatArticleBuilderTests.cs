using AngleSharp.Html.Parser;
using PatentWeek.Cms.Tests.Infrastructure;
using PatentWeek.Cms.WeChat;

namespace PatentWeek.Cms.Tests.Unit;

/// <summary>The WeChat rendition of an item: allow-list, inlined theme styles, footnoted links, swapped pictures, limits.</summary>
public sealed class WeChatArticleBuilderTests
{
    private static readonly Uri Site = new("https://zscq.example.cn/news/launch");
    private static readonly string Stylesheet = File.ReadAllText(Path.Combine(Repo.Root, "themes", "default", "wechat.css"));

    [Fact]
    public async Task Styles_are_inlined_and_no_class_style_element_or_script_survives()
    {
        var article = await BuildAsync("""<h2 class="x" id="y">活动概况</h2><p>共举办 <strong>3</strong> 场。</p><style>p{color:red}</style><script>alert(1)</script><video src="v.mp4"></video><div onclick="x()">包起来的文字</div>""");

        using var html = new HtmlParser().ParseDocument(article.Content);
        Assert.Empty(html.QuerySelectorAll("script, style, video, div, [class], [id], [onclick]"));
        Assert.Contains("border-left", html.QuerySelector("h2")!.GetAttribute("style"), StringComparison.Ordinal);
        // AngleSharp writes the theme's #b3261e in its normal form.
        Assert.Contains("rgba(179, 38, 30, 1)", html.QuerySelector("strong")!.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("包起来的文字", article.Content, StringComparison.Ordinal);
        Assert.True(article.CanSend);
    }

    [Fact]
    public async Task Outside_links_become_numbered_footnotes_with_their_full_address()
    {
        var article = await BuildAsync("""<p>详见<a href="https://www.cnipa.gov.cn/art/2019/11/1.html">国家知识产权局通知</a>和<a href="/topic/week">专题</a>，原文<a href="https://mp.weixin.qq.com/s/abc">在此</a>，再看<a href="https://www.cnipa.gov.cn/art/2019/11/1.html">通知</a>。</p>""");

        using var html = new HtmlParser().ParseDocument(article.Content);
        Assert.Equal(["https://mp.weixin.qq.com/s/abc"], html.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Contains("国家知识产权局通知[1]", html.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("通知[1]。", html.Body.TextContent, StringComparison.Ordinal); // the same address keeps its number
        Assert.Contains("参考链接", html.Body.TextContent, StringComparison.Ordinal);
        Assert.Contains("[1] 国家知识产权局通知：https://www.cnipa.gov.cn/art/2019/11/1.html", html.Body.TextContent, StringComparison.Ordinal);
        Assert.Contains("[2] 专题：https://zscq.example.cn/topic/week", html.Body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Library_pictures_take_the_given_url_and_others_are_dropped()
    {
        var article = await BuildAsync("""<p><img src="/media/7" alt="展板" width="10"></p><p><img src="https://elsewhere.example/x.jpg"></p><p><img src="/media/8"></p>""",
            id => Task.FromResult(id == 7 ? "http://mmbiz.qpic.cn/mmbiz_jpg/abc/0" : null));

        using var html = new HtmlParser().ParseDocument(article.Content);
        var img = Assert.Single(html.QuerySelectorAll("img"));
        Assert.Equal("http://mmbiz.qpic.cn/mmbiz_jpg/abc/0", img.GetAttribute("src"));
        Assert.Equal("展板", img.GetAttribute("alt"));
        Assert.Null(img.GetAttribute("width"));
        Assert.Contains("max-width", img.GetAttribute("style"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Limits_are_told_in_words_an_editor_understands()
    {
        var longTitle = new string('专', 33);
        var refused = await new WeChatArticleBuilder().BuildAsync(
            new WeChatSource(longTitle, null, new string('摘', 129), "<p>x</p>", false, Site, null), Stylesheet, _ => Task.FromResult<string?>(null));
        Assert.False(refused.CanSend);
        Assert.Contains(refused.Problems, p => p.Contains("微信标题", StringComparison.Ordinal));
        Assert.Contains(refused.Problems, p => p.Contains("摘要", StringComparison.Ordinal));

        var titled = await new WeChatArticleBuilder().BuildAsync(
            new WeChatSource(longTitle, "宣传周启动", "摘要", string.Concat(Enumerable.Repeat("<p>很长的正文。</p>", 2000)), false, Site, null), Stylesheet, _ => Task.FromResult<string?>(null));
        Assert.Equal("宣传周启动", titled.Title);
        Assert.Contains(titled.Problems, p => p.Contains("20000", StringComparison.Ordinal));
        Assert.Equal(Site.AbsoluteUri, titled.ContentSourceUrl);
    }

    private static Task<WeChatArticle> BuildAsync(string html, Func<int, Task<string?>>? images = null) =>
        new WeChatArticleBuilder().BuildAsync(new WeChatSource("标题", null, "摘要", html, false, Site, "省知识产权局"), Stylesheet,
            images ?? (_ => Task.FromResult<string?>(null)));
}
