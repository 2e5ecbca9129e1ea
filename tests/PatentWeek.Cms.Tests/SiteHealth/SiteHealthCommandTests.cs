using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.SiteHealth;

/// <summary>
/// <c>site-health</c> as a real process: it reads the imported campaign and crawls a site over real HTTP (a loopback
/// server with a page whose link is broken). The checks themselves are covered on both databases; SQLite suffices here.
/// </summary>
public sealed class SiteHealthCommandTests
{
    [Fact]
    public async Task The_command_prints_the_report_in_chinese_and_fails_on_severe_findings()
    {
        await using var database = new SqliteTestDatabase();
        var (code, output) = await CmsProcess.RunAsync(database, "", "import", Repo.Content);
        Assert.True(code == 0, output);

        await using var site = await LoopbackSite.StartAsync(new Dictionary<string, string>
        {
            ["/"] = "<!doctype html><html lang=\"zh-CN\"><body><a href=\"/ok\">好</a> <a href=\"/gone\">坏</a> <img src=\"/missing\" alt=\"图\"></body></html>",
        });
        (code, output) = await CmsProcess.RunAsync(database, "", "site-health", "--url", site.BaseUrl.ToString());
        Assert.True(code == 1, output);
        Assert.Contains("网站体检报告", output, StringComparison.Ordinal);
        Assert.Contains("[严重] 首页已", output, StringComparison.Ordinal);
        Assert.Contains("[严重] 页面 / 上的链接 /gone 打不开（HTTP 404）", output, StringComparison.Ordinal);
        Assert.Contains("[严重] 页面 / 上的图片、视频或附件 /missing 打不开（HTTP 404）", output, StringComparison.Ordinal);
        Assert.DoesNotContain("/ok 打不开", output, StringComparison.Ordinal);
        Assert.Contains("处理：/admin/content/new?kind=news", output, StringComparison.Ordinal);

        (code, output) = await CmsProcess.RunAsync(database, "", "site-health", "--url", "ftp://example.cn/");
        Assert.Equal(2, code);
        Assert.Contains("usage: site-health", output, StringComparison.Ordinal);
    }
}
