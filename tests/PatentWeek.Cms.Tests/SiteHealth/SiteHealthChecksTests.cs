using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Data.WeChat;
using PatentWeek.Cms.SiteHealth;
using PatentWeek.Cms.Tests.Infrastructure;
using PatentWeek.Cms.WeChat;

namespace PatentWeek.Cms.Tests.SiteHealth;

/// <summary>
/// The report's database checks: each condition is staged by setting publish times directly in the database, the
/// finding appears, the condition is fixed, the finding goes. Each test starts from "everything just published".
/// </summary>
public abstract class SiteHealthChecksTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<IReadOnlyList<HealthFinding>> RunAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContentHealthChecks>().RunAsync(Ct);
    }

    /// <summary>Sets the publish time of the live items <paramref name="which"/> picks (all, when null) to <paramref name="age"/> ago.</summary>
    private async Task AgeAsync(TimeSpan age, Func<IQueryable<ContentItem>, IQueryable<ContentItem>>? which = null)
    {
        await using var db = fixture.App.CreateContext();
        var at = DateTime.UtcNow - age;
        var items = db.ContentItems.Where(i => i.State == ContentState.Published);
        await (which ?? (q => q))(items).ExecuteUpdateAsync(s => s.SetProperty(i => i.PublishedAt, at), Ct);
    }

    private Task FreshAsync() => AgeAsync(TimeSpan.FromHours(1));

    [Fact]
    public async Task Home_page_warns_at_ten_days_and_is_severe_at_fourteen()
    {
        await FreshAsync();
        Assert.DoesNotContain(await RunAsync(), f => f.Check == HealthCheck.HomeUpdated);

        await AgeAsync(TimeSpan.FromDays(11));
        var warning = Assert.Single(await RunAsync(), f => f.Check == HealthCheck.HomeUpdated);
        Assert.Equal(HealthSeverity.Warning, warning.Severity);
        Assert.Equal("警告", warning.SeverityLabel);
        Assert.Contains("首页已 11 天未更新", warning.Message, StringComparison.Ordinal);
        Assert.Equal("/admin/content/new?kind=news", warning.FixUrl);

        await AgeAsync(TimeSpan.FromDays(15));
        Assert.Equal(HealthSeverity.Error, Assert.Single(await RunAsync(), f => f.Check == HealthCheck.HomeUpdated).Severity);

        // One new item is enough: the home page shows the newest.
        await AgeAsync(TimeSpan.FromHours(1), q => q.OrderBy(i => i.Id).Take(1));
        Assert.DoesNotContain(await RunAsync(), f => f.Check == HealthCheck.HomeUpdated);
    }

    [Fact]
    public async Task A_city_column_is_empty_or_idle_until_something_is_published_there()
    {
        await FreshAsync();
        await using var db = fixture.App.CreateContext();
        var live = db.ContentItems.Where(i => i.State == ContentState.Published && i.DeletedAt == null);
        var busy = await db.Cities.Where(c => live.Any(i => i.CityCode == c.Code)).OrderBy(c => c.Code).FirstAsync(Ct);
        Assert.DoesNotContain(await RunAsync(), f => f.Message.Contains($"市州「{busy.Name}」", StringComparison.Ordinal));

        await AgeAsync(TimeSpan.FromDays(20), q => q.Where(i => i.CityCode == busy.Code));
        var idle = Assert.Single(await RunAsync(), f => f.Message.Contains($"市州「{busy.Name}」", StringComparison.Ordinal));
        Assert.Equal(HealthCheck.ColumnIdle, idle.Check);
        Assert.Contains("20 天未更新", idle.Message, StringComparison.Ordinal);
        Assert.Equal($"/admin/content?city={busy.Code}", idle.FixUrl);
        await AgeAsync(TimeSpan.FromHours(2), q => q.Where(i => i.CityCode == busy.Code).OrderBy(i => i.Id).Take(1));
        Assert.DoesNotContain(await RunAsync(), f => f.Message.Contains($"市州「{busy.Name}」", StringComparison.Ordinal));

        // An empty city: its items go to the trash (staged in the database), then one story is published there.
        await live.Where(i => i.CityCode == busy.Code).ExecuteUpdateAsync(s => s.SetProperty(i => i.DeletedAt, DateTime.UtcNow), Ct);
        var empty = Assert.Single(await RunAsync(), f => f.Message.Contains($"市州「{busy.Name}」", StringComparison.Ordinal));
        Assert.Equal(HealthCheck.ColumnEmpty, empty.Check);
        Assert.Contains("空白栏目", empty.Message, StringComparison.Ordinal);
        await TestContent.AddAsync(db, TestContent.News(TestContent.UniqueSlug("story")) with { Kind = ContentKind.Story, City = busy.Code });
        Assert.DoesNotContain(await RunAsync(), f => f.Message.Contains($"市州「{busy.Name}」", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_topic_past_its_end_is_to_be_marked_historical_and_a_current_one_is_a_column()
    {
        await FreshAsync();
        await using var db = fixture.App.CreateContext();
        var topic = await db.ContentItems.Include(i => i.Tags)
            .FirstAsync(i => i.Kind == ContentKind.Topic && i.State == ContentState.Published && i.DeletedAt == null
                && i.Tags.Any(t => db.ContentTags.Any(o => o.Name == t.Name && o.ContentItemId != i.Id)), Ct);
        bool About(HealthFinding f) => f.Message.Contains($"专题「{topic.Title}」", StringComparison.Ordinal);

        // The seed's edition was in 2019: its week plus the grace is long over.
        var ended = Assert.Single(await RunAsync(), About);
        Assert.Equal(HealthCheck.TopicEnded, ended.Check);
        Assert.Equal(HealthSeverity.Notice, ended.Severity);
        Assert.Contains("历史专题", ended.Message, StringComparison.Ordinal);
        Assert.Equal($"/admin/content/edit/{topic.Id}", ended.FixUrl);

        topic.Tags.Add(new ContentTag { Name = ContentHealthChecks.HistoricalTopicTag });
        await db.SaveChangesAsync(Ct);
        Assert.DoesNotContain(await RunAsync(), About);

        // A topic with an end date of its own still running is a column: idle when its items are old.
        topic.Tags.RemoveAll(t => t.Name == ContentHealthChecks.HistoricalTopicTag);
        topic.EndsAt = DateTime.UtcNow.AddDays(30);
        await db.SaveChangesAsync(Ct);
        Assert.DoesNotContain(await RunAsync(), About);
        var tags = topic.Tags.Select(t => t.Name).ToList();
        await AgeAsync(TimeSpan.FromDays(16), q => q.Where(i => i.Tags.Any(t => tags.Contains(t.Name))));
        var idle = Assert.Single(await RunAsync(), About);
        Assert.Equal(HealthCheck.ColumnIdle, idle.Check);
        Assert.Equal($"/admin/content/{topic.Id}", idle.FixUrl);

        topic.EndsAt = DateTime.UtcNow.AddDays(-1);
        await db.SaveChangesAsync(Ct);
        Assert.Equal(HealthCheck.TopicEnded, Assert.Single(await RunAsync(), About).Check);
    }

    [Fact]
    public async Task The_wechat_account_warns_after_ten_days_without_a_publish()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<WeChatAccounts>().CurrentAsync(Ct);
        Assert.True(account.CanCall, "the embedded emulator is the account");
        await using var db = fixture.App.CreateContext();
        await db.WeChatPosts.ExecuteDeleteAsync(Ct);

        var never = Assert.Single(await RunAsync(), f => f.Check == HealthCheck.WeChatIdle);
        Assert.Equal(HealthSeverity.Warning, never.Severity);
        Assert.Contains("还没有成功发布", never.Message, StringComparison.Ordinal);

        var post = new WeChatPost { AppId = account.AppId!, Marker = "health-test", Status = WeChatPostStatus.Published, CreatedAt = DateTime.UtcNow.AddDays(-12), UpdatedAt = DateTime.UtcNow.AddDays(-11), FinishedAt = DateTime.UtcNow.AddDays(-11) };
        // A failed post since does not count as an update.
        var failed = new WeChatPost { AppId = account.AppId!, Marker = "health-failed", Status = WeChatPostStatus.Failed, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, FinishedAt = DateTime.UtcNow };
        db.WeChatPosts.AddRange(post, failed);
        await db.SaveChangesAsync(Ct);
        var idle = Assert.Single(await RunAsync(), f => f.Check == HealthCheck.WeChatIdle);
        Assert.Equal(HealthSeverity.Warning, idle.Severity);
        Assert.Contains("已 11 天未发布", idle.Message, StringComparison.Ordinal);

        post.FinishedAt = DateTime.UtcNow.AddDays(-15);
        await db.SaveChangesAsync(Ct);
        Assert.Equal(HealthSeverity.Error, Assert.Single(await RunAsync(), f => f.Check == HealthCheck.WeChatIdle).Severity);

        post.FinishedAt = DateTime.UtcNow.AddDays(-1);
        await db.SaveChangesAsync(Ct);
        Assert.DoesNotContain(await RunAsync(), f => f.Check == HealthCheck.WeChatIdle);
    }
}

public sealed class SiteHealthChecksSqliteTests(SqliteApp app) : SiteHealthChecksTests(app), IClassFixture<SqliteApp>;

public sealed class SiteHealthChecksPostgresTests(PostgresApp app) : SiteHealthChecksTests(app), IClassFixture<PostgresApp>;
