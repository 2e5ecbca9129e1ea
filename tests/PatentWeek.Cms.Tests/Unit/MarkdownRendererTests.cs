using PatentWeek.Cms.Content;

namespace PatentWeek.Cms.Tests.Unit;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer _markdown = new();

    [Fact]
    public void Commonmark_headings_and_paragraphs()
    {
        var html = _markdown.ToHtml("## 一、活动主题\n\n本届专利周以“知识产权助推实体经济高质量发展”为主题。");
        Assert.Contains("<h2", html, StringComparison.Ordinal);
        Assert.Contains("一、活动主题</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<p>本届专利周以“知识产权助推实体经济高质量发展”为主题。</p>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("**“知识产权服务万里行”活动。**专利周期间", "<strong>“知识产权服务万里行”活动。</strong>专利周期间")]
    [InlineData("**湖北省高价值专利大赛评选活动。**专利周期间", "<strong>湖北省高价值专利大赛评选活动。</strong>专利周期间")]
    [InlineData("活动以**“线上+线下”**方式举办", "活动以<strong>“线上+线下”</strong>方式举办")]
    public void Chinese_bold_beside_chinese_punctuation_is_bold(string markdown, string expected)
    {
        var html = _markdown.ToHtml(markdown);
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.DoesNotContain("**", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Pipe_tables_render()
    {
        var html = _markdown.ToHtml("| 指标 | 数值 |\n|---|---|\n| 活动 | 2 |");
        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<td>活动</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Bare_links_become_links()
    {
        var html = _markdown.ToHtml("详见 https://www.cnipa.gov.cn 网站");
        Assert.Contains("<a href=\"https://www.cnipa.gov.cn\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("<img src=x onerror=alert(1)>", "onerror")]
    [InlineData("[点我](javascript:alert(1))", "javascript:")]
    [InlineData("<a href=\"data:text/html;base64,xx\">x</a>", "data:")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe")]
    [InlineData("<p style=\"position:fixed\">x</p>", "style=")]
    [InlineData("<form action=\"/x\"><input></form>", "<form")]
    public void Raw_html_is_sanitised(string markdown, string forbidden)
    {
        var html = _markdown.ToHtml(markdown);
        Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Harmless_raw_html_passes_through()
    {
        var html = _markdown.ToHtml("<p>一段<strong>重点</strong>文字</p>");
        Assert.Contains("<strong>重点</strong>", html, StringComparison.Ordinal);
    }
}
