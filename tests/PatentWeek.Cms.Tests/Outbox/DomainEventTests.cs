using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Media;
using PatentWeek.Cms.Outbox;
using PatentWeek.Cms.Tests.Infrastructure;
using PatentWeek.Cms.Tests.Media;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Tests.Outbox;

/// <summary>
/// Domain events through the outbox: saved with the change or not at all, run at once after the commit, and the
/// output cache evicted by them precisely — the item's pages, its kind's lists, its city, its tags and the home page
/// change, an unrelated item's page and another kind's list stay as cached. Scheduled jobs are found by their key.
/// </summary>
public abstract class DomainEventTests(AppFixture fixture)
{
    private const string Wuhan = "420100";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// A published item whose title is then changed behind the CMS's back (no event): while its cached pages stand,
    /// the public still reads the old title; that is how the tests tell a page that was evicted from one that was not.
    /// </summary>
    private async Task<(string Slug, string CachedTitle, string StoredTitle)> CachedBystanderAsync()
    {
        var slug = TestContent.UniqueSlug("bystander");
        var item = await TestContent.AddAsync(fixture.App, TestContent.News(slug));
        Assert.Contains(item.Title, await PageAsync($"/news/{slug}"), StringComparison.Ordinal);
        Assert.Contains(item.Title, await TitlesAsync("/api/v1/content?kind=news&pageSize=100"));
        var stored = item.Title + "（已改）";
        await using (var db = fixture.App.CreateContext())
            await db.ContentItems.Where(i => i.Id == item.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Title, stored), Ct);
        return (slug, item.Title, stored);
    }

    private async Task AssertStillCachedAsync((string Slug, string CachedTitle, string StoredTitle) bystander)
    {
        var page = await PageAsync($"/news/{bystander.Slug}");
        Assert.Contains(bystander.CachedTitle, page, StringComparison.Ordinal);
        Assert.DoesNotContain(bystander.StoredTitle, page, StringComparison.Ordinal);
        Assert.DoesNotContain(bystander.StoredTitle, await TitlesAsync("/api/v1/content?kind=news&pageSize=100"));
    }

    [Fact]
    public async Task A_publish_evicts_the_item_its_kind_list_city_tags_and_home_and_nothing_unrelated()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var slug = TestContent.UniqueSlug("story");
        var tag = "标签" + Guid.NewGuid().ToString("N")[..6];
        var title = "事件发布的亮点 " + slug;
        var id = await editor.Client.CreateAsync(new { kind = "story", title, slug, body = "正文", city = Wuhan, tags = new[] { tag } });
        var bystander = await CachedBystanderAsync();

        // Everything that will show the item is cached without it first.
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync($"/story/{slug}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync($"/api/v1/content/story/{slug}"));
        Assert.DoesNotContain(title, await PageAsync($"/city/{Wuhan}"), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await PageAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await TitlesAsync("/api/v1/content?kind=story"));
        Assert.DoesNotContain(title, await TitlesAsync($"/api/v1/content?tag={Uri.EscapeDataString(tag)}"));
        Assert.DoesNotContain(title, await TitlesAsync("/api/v1/content"));

        await editor.Client.PostAsync($"/api/manage/v1/content/{id}/publish");

        // At once, in the answer after the publish's: no waiting for a dispatcher.
        Assert.Contains(title, await PageAsync($"/story/{slug}"), StringComparison.Ordinal);
        Assert.Equal(title, (await fixture.Client.GetOkAsync($"/api/v1/content/story/{slug}")).GetProperty("title").GetString());
        Assert.Contains(title, await PageAsync($"/city/{Wuhan}"), StringComparison.Ordinal);
        Assert.Contains(title, await PageAsync("/"), StringComparison.Ordinal);
        Assert.Contains(title, await TitlesAsync("/api/v1/content?kind=story"));
        Assert.Contains(title, await TitlesAsync($"/api/v1/content?tag={Uri.EscapeDataString(tag)}"));
        Assert.Contains(title, await TitlesAsync("/api/v1/content"));
        // An unrelated item's page and another kind's list were left in the cache.
        await AssertStillCachedAsync(bystander);

        // The event was saved as an outbox row about the item, and that row has run.
        await using var db = fixture.App.CreateContext();
        var row = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Type == ContentPublished.EventType && m.Key == $"content/{id}", Ct);
        Assert.NotNull(row.CompletedAt);
        Assert.Null(row.LastError);
    }

    [Fact]
    public async Task Unpublishing_and_trashing_evict_the_item_pages_too()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var slug = TestContent.UniqueSlug("leaves");
        var title = "将撤下的新闻 " + slug;
        var id = await editor.Client.CreateAsync(new { kind = "news", title, slug, body = "正文" });
        await editor.Client.PostAsync($"/api/manage/v1/content/{id}/publish");
        Assert.Contains(title, await PageAsync($"/news/{slug}"), StringComparison.Ordinal);
        Assert.Contains(title, await PageAsync("/"), StringComparison.Ordinal);

        await editor.Client.PostAsync($"/api/manage/v1/content/{id}/unpublish");
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync($"/news/{slug}"));
        Assert.DoesNotContain(title, await PageAsync("/"), StringComparison.Ordinal);

        await editor.Client.PostAsync($"/api/manage/v1/content/{id}/publish");
        Assert.Contains(title, await PageAsync($"/news/{slug}"), StringComparison.Ordinal);
        await editor.Client.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/manage/v1/content/{id}");
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync($"/news/{slug}"));
        Assert.DoesNotContain(title, await TitlesAsync("/api/v1/content?kind=news&pageSize=100"));
    }

    [Fact]
    public async Task A_scheduled_publish_evicts_like_a_manual_one()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var slug = TestContent.UniqueSlug("timed");
        var title = "定时发布的亮点 " + slug;
        var id = await editor.Client.CreateAsync(new { kind = "story", title, slug, body = "正文", city = Wuhan });
        var at = DateTimeOffset.UtcNow.AddSeconds(2).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        await editor.Client.PostAsync($"/api/manage/v1/content/{id}/publish", new { at });
        var bystander = await CachedBystanderAsync();
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync($"/story/{slug}"));
        Assert.DoesNotContain(title, await PageAsync($"/city/{Wuhan}"), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await PageAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await TitlesAsync("/api/v1/content?kind=story"));

        // The city page, the home page and the list were cached without it: only the schedule's event can change them.
        await Eventually.TrueAsync(async () => await StatusAsync($"/story/{slug}") == HttpStatusCode.OK, TimeSpan.FromSeconds(15));
        Assert.Contains(title, await PageAsync($"/city/{Wuhan}"), StringComparison.Ordinal);
        Assert.Contains(title, await PageAsync("/"), StringComparison.Ordinal);
        Assert.Contains(title, await TitlesAsync("/api/v1/content?kind=story"));
        await AssertStillCachedAsync(bystander);
    }

    [Fact]
    public async Task An_event_is_saved_with_its_change_or_not_at_all()
    {
        var item = await TestContent.AddAsync(fixture.App, TestContent.News(TestContent.UniqueSlug("atomic")));
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            var events = scope.ServiceProvider.GetRequiredService<DomainEvents>();
            var tracked = await db.ContentItems.Include(i => i.Tags).SingleAsync(i => i.Id == item.Id, Ct);
            tracked.Title = "不会保存的标题";
            events.Raise(new ContentChanged(item.Id, ContentPlaces.Of(tracked)));
            // Someone else saved the item meanwhile: its version (the concurrency token) moved on.
            await using (var other = fixture.App.CreateContext())
                await other.ContentItems.Where(i => i.Id == item.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Version, i => i.Version + 1), Ct);

            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync(Ct));
            await events.RunSavedAsync(); // nothing was saved, so nothing runs
        }

        await using var check = fixture.App.CreateContext();
        Assert.False(await check.OutboxMessages.AnyAsync(m => m.Type == ContentChanged.EventType && m.Key == $"content/{item.Id}", Ct));
        Assert.NotEqual("不会保存的标题", (await check.ContentItems.AsNoTracking().SingleAsync(i => i.Id == item.Id, Ct)).Title);
    }

    [Fact]
    public async Task A_new_schedule_cancels_the_items_older_one_by_key_and_no_other()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var first = await editor.Client.CreateAsync(new { kind = "news", title = "改期的新闻", body = "正文" });
        var second = await editor.Client.CreateAsync(new { kind = "news", title = "另一条定时新闻", body = "正文" });
        string InHours(int hours) => DateTimeOffset.UtcNow.AddHours(hours).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        await editor.Client.PostAsync($"/api/manage/v1/content/{first}/publish", new { at = InHours(1) });
        await editor.Client.PostAsync($"/api/manage/v1/content/{second}/publish", new { at = InHours(1) });
        await editor.Client.PostAsync($"/api/manage/v1/content/{first}/publish", new { at = InHours(2) });

        var rows = await JobsAsync(first, second);
        var firsts = rows.Where(r => r.Key == $"content/{first}").OrderBy(r => r.Id).ToList();
        Assert.Equal(2, firsts.Count);
        Assert.NotNull(firsts[0].CancelledAt);
        Assert.Null(firsts[1].CancelledAt);
        Assert.Null(rows.Single(r => r.Key == $"content/{second}").CancelledAt);

        // Publishing now cancels the item's pending schedule, and still only its own.
        await editor.Client.PostAsync($"/api/manage/v1/content/{first}/publish");
        rows = await JobsAsync(first, second);
        Assert.All(rows.Where(r => r.Key == $"content/{first}"), r => Assert.NotNull(r.CancelledAt));
        Assert.Null(rows.Single(r => r.Key == $"content/{second}").CancelledAt);
    }

    [Fact]
    public async Task A_new_rendition_evicts_the_pages_showing_that_media()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var cover = (await editor.Client.UploadOkAsync(TestImages.Jpeg(800, 600), "cover.jpg", alt: "活动现场")).GetProperty("id").GetInt32();
        await MediaLibraryTests.ReadyAsync(editor.Client, cover);
        var slug = TestContent.UniqueSlug("pictured");
        var id = await editor.Client.CreateAsync(new { kind = "story", title = "带封面的亮点", slug, body = "正文", city = Wuhan, cover = $"/media/{cover}" });
        await editor.Client.PostAsync($"/api/manage/v1/content/{id}/publish");
        Assert.Contains("带封面的亮点", await PageAsync($"/story/{slug}"), StringComparison.Ordinal);
        var bystander = await CachedBystanderAsync();

        // Changed behind the CMS's back, then rendered again (as after a pipeline upgrade): only the event evicts.
        await using (var db = fixture.App.CreateContext())
        {
            await db.ContentItems.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Title, "封面重新生成后的标题"), Ct);
            await db.MediaAssets.Where(m => m.Id == cover).ExecuteUpdateAsync(s => s.SetProperty(m => m.RenditionVersion, m => m.RenditionVersion + 1), Ct);
        }

        Assert.Contains("带封面的亮点", await PageAsync($"/story/{slug}"), StringComparison.Ordinal);
        await fixture.App.Services.GetRequiredService<RenditionService>().EnsureAsync(cover, Ct);

        Assert.Contains("封面重新生成后的标题", await PageAsync($"/story/{slug}"), StringComparison.Ordinal);
        await AssertStillCachedAsync(bystander);
        await using var check = fixture.App.CreateContext();
        Assert.True(await check.OutboxMessages.AnyAsync(m => m.Type == MediaRendered.EventType && m.Key == $"media/{cover}" && m.CompletedAt != null, Ct));
    }

    private async Task<List<Data.Outbox.OutboxMessage>> JobsAsync(int first, int second)
    {
        await using var db = fixture.App.CreateContext();
        string[] keys = [$"content/{first}", $"content/{second}"];
        return await db.OutboxMessages.AsNoTracking().Where(m => m.Type == WorkflowService.PublishJob && keys.Contains(m.Key)).ToListAsync(Ct);
    }

    private async Task<HttpStatusCode> StatusAsync(string url)
    {
        using var response = await fixture.Client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        return response.StatusCode;
    }

    private Task<string> PageAsync(string url) => fixture.Client.GetStringAsync(new Uri(url, UriKind.Relative), Ct);

    private async Task<List<string>> TitlesAsync(string url) =>
        [.. (await fixture.Client.GetOkAsync(url)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!)];
}

public sealed class DomainEventSqliteTests(SqliteApp app) : DomainEventTests(app), IClassFixture<SqliteApp>;

public sealed class DomainEventPostgresTests(PostgresApp app) : DomainEventTests(app), IClassFixture<PostgresApp>;
