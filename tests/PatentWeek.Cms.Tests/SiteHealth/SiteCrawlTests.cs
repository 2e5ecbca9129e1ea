using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Outbox;
using PatentWeek.Cms.SiteHealth;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.SiteHealth;

/// <summary>
/// The crawl of the public site, in-process through the test server, with links planted in two news items' bodies:
/// a broken internal link, a missing attachment and picture, and links to a loopback server standing in for other
/// sites (200, 404, 500, and a port where nothing listens).
/// </summary>
public abstract class SiteCrawlTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_crawl_lists_each_broken_link_with_the_page_it_is_on()
    {
        await using var outside = await LoopbackSite.StartAsync();
        var refusing = LoopbackSite.RefusingUrl();
        var slug = TestContent.UniqueSlug("planted");
        var body = $"""
            正文里的链接：[不存在的新闻](/news/no-such-item-xyz)、[附件](/files/missing-attachment.pdf)、[好的外链]({outside.Url("ok")})、
            [不存在的外链]({outside.Url("missing")})、[出错的外链]({outside.Url("error")})、[连不上的外链]({refusing})。

            ![缺失的图片](/files/missing-picture.png)
            """;
        var planted = await TestContent.AddAsync(fixture.App, TestContent.News(slug) with { Body = body });
        // The same outside link on a second page: asked once, reported on both.
        var second = await TestContent.AddAsync(fixture.App, TestContent.News(slug + "-2") with { Body = $"[不存在的外链]({outside.Url("missing")})" });

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<SiteHealthService>().RunAsync(fixture.Client, Ct);
        var page = $"/news/{slug}";

        Assert.True(report.PagesCrawled > 10, $"crawled {report.PagesCrawled} pages");
        Assert.True(report.HasErrors);
        HealthFinding On(string pageUrl, string link) =>
            Assert.Single(report.Findings, f => f.FoundOn == pageUrl && f.Message.Contains(link, StringComparison.Ordinal));

        var broken = On(page, "/news/no-such-item-xyz");
        Assert.Equal(HealthCheck.BrokenLink, broken.Check);
        Assert.Equal(HealthSeverity.Error, broken.Severity);
        Assert.Contains("HTTP 404", broken.Message, StringComparison.Ordinal);
        Assert.Equal($"/admin/content/{planted.Id}", broken.FixUrl);
        Assert.Contains("附件", On(page, "/files/missing-attachment.pdf").Message, StringComparison.Ordinal);
        Assert.Equal(HealthCheck.BrokenLink, On(page, "/files/missing-picture.png").Check);

        var missing = On(page, outside.Url("missing"));
        Assert.Equal(HealthCheck.ExternalLink, missing.Check);
        Assert.Equal(HealthSeverity.Warning, missing.Severity);
        Assert.Contains("HTTP 404", missing.Message, StringComparison.Ordinal);
        Assert.Equal($"/admin/content/{second.Id}", On($"/news/{slug}-2", outside.Url("missing")).FixUrl);
        Assert.Contains("HTTP 500", On(page, outside.Url("error")).Message, StringComparison.Ordinal);
        Assert.Contains("无法连接", On(page, refusing).Message, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Findings, f => f.Message.Contains(outside.Url("ok"), StringComparison.Ordinal));

        // Each outside address is asked once, however many pages link to it.
        Assert.Equal(1, outside.Requests["HEAD /missing"]);
        Assert.Equal(1, outside.Requests["HEAD /ok"]);
        Assert.False(outside.Requests.ContainsKey("GET /missing"));

        // The live pages that work are not reported: the planted page itself answers.
        Assert.DoesNotContain(report.Findings, f => f.Message.Contains($" {page} 打不开", StringComparison.Ordinal));

        // Fixed: the links go from the bodies (saved and published as a save would, so the cached pages go too).
        await FixAsync(planted.Id);
        await FixAsync(second.Id);
        report = await scope.ServiceProvider.GetRequiredService<SiteHealthService>().RunAsync(fixture.Client, Ct);
        // The footer's record links (ICP, 公网安备) point off this machine's closed network and fail on every page;
        // they are not what this test planted, and are left out here.
        Assert.DoesNotContain(report.Findings, f => (f.FoundOn == page || f.FoundOn == page + "-2")
            && (f.Check != HealthCheck.ExternalLink || f.Message.Contains("127.0.0.1", StringComparison.Ordinal)));
        Assert.DoesNotContain(report.Findings, f => f.Message.Contains(outside.Url("missing"), StringComparison.Ordinal));
    }

    private async Task FixAsync(int id)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var item = await db.ContentItems.Include(i => i.Tags).Include(i => i.Media).Include(i => i.Edition).SingleAsync(i => i.Id == id, Ct);
        scope.ServiceProvider.GetRequiredService<ContentWriter>().Apply(item, ContentFields.From(item, item.Edition.Number) with { Body = "链接已修好。" }, "test");
        var events = scope.ServiceProvider.GetRequiredService<DomainEvents>();
        events.Raise(new ContentPublished(item.Id, ContentPlaces.Of(item)));
        await db.SaveChangesAsync(Ct);
        await events.RunSavedAsync();
    }
}

public sealed class SiteCrawlSqliteTests(SqliteApp app) : SiteCrawlTests(app), IClassFixture<SqliteApp>;

public sealed class SiteCrawlPostgresTests(PostgresApp app) : SiteCrawlTests(app), IClassFixture<PostgresApp>;
