using Markdig;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Content.Import;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Content;

/// <summary>Start-up seeding: loads the campaign once, never duplicates, follows edited files only.</summary>
public abstract class SeedTests(DatabaseProvider provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<TestDatabase> DatabaseAsync()
    {
        if (AppFixture.UnavailableReason(provider) is { } reason)
            Assert.Skip(reason);
        return await TestDatabase.CreateAsync(provider);
    }

    private static async Task<T> WithAppAsync<T>(TestDatabase database, Func<CmsDbContext, Task<T>> read, Dictionary<string, string?>? settings = null)
    {
        await using var app = new CmsApp(database, settings);
        using var client = app.CreateClient();
        await using var db = app.CreateContext();
        return await read(db);
    }

    private static async Task<(int Items, int Revisions, int Cities, int Editions, int Tags)> CountsAsync(CmsDbContext db) =>
        (await db.ContentItems.CountAsync(Ct), await db.Revisions.CountAsync(Ct), await db.Cities.CountAsync(Ct),
         await db.Editions.CountAsync(Ct), await db.ContentTags.CountAsync(Ct));

    [Fact]
    public async Task A_restart_on_the_same_data_keeps_everything_and_duplicates_nothing()
    {
        await using var database = await DatabaseAsync();
        var first = await WithAppAsync(database, CountsAsync);
        Assert.Equal(17, first.Cities);
        Assert.Equal(1, first.Editions);
        Assert.True(first.Items >= 5, $"seeded {first.Items} items");
        Assert.Equal(first.Items, first.Revisions);

        var second = await WithAppAsync(database, CountsAsync);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task An_edited_seed_file_updates_its_item_and_adds_a_revision()
    {
        await using var database = await DatabaseAsync();
        var content = Repo.CopyContent(database.DataPath);
        var settings = new Dictionary<string, string?> { ["Cms:ContentPath"] = content };
        await WithAppAsync(database, CountsAsync, settings);

        var file = Path.Combine(content, "13", "topics", "service-tour.md");
        var text = await File.ReadAllTextAsync(file, Ct);
        await File.WriteAllTextAsync(file, text + "\n\n补充一段说明。\n", Ct);

        var (body, revisions) = await WithAppAsync(database, async db =>
        {
            var item = await db.ContentItems.Include(i => i.Revisions).SingleAsync(i => i.Slug == "service-tour", Ct);
            return (item.Html, item.Revisions.Count);
        }, settings);
        Assert.Contains("补充一段说明。", body, StringComparison.Ordinal);
        Assert.Equal(2, revisions);

        var again = await WithAppAsync(database, db => db.Revisions.CountAsync(r => r.Snapshot.Contains("补充一段说明"), Ct), settings);
        Assert.Equal(1, again);
    }

    [Fact]
    public async Task An_editor_s_change_survives_a_restart_when_the_seed_file_is_unchanged()
    {
        await using var database = await DatabaseAsync();
        await WithAppAsync(database, async db =>
        {
            var item = await db.ContentItems.Include(i => i.Tags).Include(i => i.Edition).SingleAsync(i => i.Slug == "notice", Ct);
            var writer = new ContentWriter(new MarkdownRenderer(), TimeProvider.System);
            writer.Apply(item, ContentFields.From(item, 13) with { Summary = "编辑改过的摘要" }, "editor@example.cn");
            return await db.SaveChangesAsync(Ct);
        });

        var summary = await WithAppAsync(database, db => db.ContentItems.Where(i => i.Slug == "notice").Select(i => i.Summary).SingleAsync(Ct));
        Assert.Equal("编辑改过的摘要", summary);
    }

    [Fact]
    public async Task The_seeded_notice_shows_its_chinese_bold_as_bold()
    {
        await using var database = await DatabaseAsync();
        await using var app = new CmsApp(database);
        using var client = app.CreateClient();

        var page = await client.GetStringAsync(new Uri("/page/notice", UriKind.Relative), Ct);
        var api = (await client.GetJsonAsync("/api/v1/content/page/notice")).GetProperty("html").GetString()!;

        foreach (var html in new[] { page, api })
        {
            Assert.DoesNotContain("**", html, StringComparison.Ordinal);
            Assert.Contains("<strong>“知识产权服务万里行”活动。</strong>专利周期间", html, StringComparison.Ordinal);
            Assert.Contains("<strong>湖北省高价值专利大赛评选活动。</strong>", html, StringComparison.Ordinal);
            Assert.Contains("<strong>开展知识产权交易推介活动。</strong>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Html_stored_by_an_older_renderer_is_rendered_again_at_the_next_start_without_a_new_revision()
    {
        await using var database = await DatabaseAsync();
        // Plain CommonMark, as the renderer was before CJK-friendly emphasis: the bold stays asterisks.
        var old = new Markdig.MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().Build();
        var before = await WithAppAsync(database, async db =>
        {
            var item = await db.ContentItems.Include(i => i.Tags).Include(i => i.Edition).SingleAsync(i => i.Slug == "notice", Ct);
            // An editor's change first: the seed will not write this item again, so only the re-render can fix it.
            var fields = ContentFields.From(item, 13) with { Summary = "编辑改过的摘要" };
            new ContentWriter(new MarkdownRenderer(), TimeProvider.System).Apply(item, fields, "editor@example.cn");
            item.Html = Markdig.Markdown.ToHtml(item.Body, old);
            item.WorkingCopy = new WorkingCopy(fields with { Body = fields.Body + "\n\n**“补充说明。”**见附件" }, "<p>**“补充说明。”**见附件</p>").ToJson();
            item.WorkingCopyState = Data.Content.ContentState.Draft;
            item.HtmlRendererVersion = 1;
            await db.SaveChangesAsync(Ct);
            Assert.Contains("**“知识产权服务万里行”活动。**", item.Html, StringComparison.Ordinal);
            // As stored: PostgreSQL keeps microseconds, not the 100 ns ticks held in memory.
            var saved = await db.ContentItems.AsNoTracking().SingleAsync(i => i.Id == item.Id, Ct);
            return (saved.Version, saved.UpdatedAt, Revisions: await db.Revisions.CountAsync(r => r.ContentItemId == item.Id, Ct));
        });

        await using var app = new CmsApp(database);
        using var client = app.CreateClient();
        // The pass runs in the background after start; the cached old page is dropped when it is done.
        await Eventually.TrueAsync(async () => !(await NoticeAsync(client)).Contains("**", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        var page = await NoticeAsync(client);
        Assert.DoesNotContain("**", page, StringComparison.Ordinal);
        Assert.Contains("<strong>“知识产权服务万里行”活动。</strong>专利周期间", page, StringComparison.Ordinal);

        await using var db = app.CreateContext();
        var stored = await db.ContentItems.AsNoTracking().SingleAsync(i => i.Slug == "notice", Ct);
        Assert.Equal(MarkdownRenderer.Version, stored.HtmlRendererVersion);
        Assert.Contains("<strong>“补充说明。”</strong>见附件", WorkingCopy.Of(stored)!.Html, StringComparison.Ordinal);
        Assert.Equal("编辑改过的摘要", stored.Summary);
        // Not an edit: same version, same update time, no revision.
        Assert.Equal(before.Version, stored.Version);
        Assert.Equal(before.UpdatedAt, stored.UpdatedAt);
        Assert.Equal(before.Revisions, await db.Revisions.CountAsync(r => r.ContentItemId == stored.Id, Ct));
    }

    [Fact]
    public async Task An_unreadable_working_copy_neither_stops_the_start_nor_the_re_render_of_the_other_items()
    {
        await using var database = await DatabaseAsync();
        var old = new Markdig.MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().Build();
        var badId = await WithAppAsync(database, async db =>
        {
            var items = await db.ContentItems.Include(i => i.Tags).Include(i => i.Edition).OrderBy(i => i.Id).ToListAsync(Ct);
            var notice = items.Single(i => i.Slug == "notice");
            // The first item in the pass's order is the broken one, so the notice comes after it whenever it can.
            var bad = items.First(i => i.Id != notice.Id);
            var writer = new ContentWriter(new MarkdownRenderer(), TimeProvider.System);
            foreach (var item in new[] { notice, bad })
            {
                // An editor's change first: the seed will not write these items again, so only the re-render can.
                writer.Apply(item, ContentFields.From(item, 13) with { Summary = "编辑改过的摘要" }, "editor@example.cn");
                item.Html = Markdig.Markdown.ToHtml(item.Body, old);
                item.HtmlRendererVersion = 1;
            }

            // A row as a failed manual fix or an old bug could leave it: the working copy is not JSON at all.
            bad.WorkingCopy = "{\"fields\": ";
            bad.WorkingCopyState = Data.Content.ContentState.Draft;
            bad.Html = "<p>旧的渲染结果</p>";
            await db.SaveChangesAsync(Ct);
            return bad.Id;
        });

        // Today's start fails here: the JSON error escapes the start-up re-render and stops the host.
        await using var app = new CmsApp(database);
        using var client = app.CreateClient();
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, home.StatusCode);

        await Eventually.TrueAsync(async () => !(await NoticeAsync(client)).Contains("**", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.Contains("<strong>“知识产权服务万里行”活动。</strong>专利周期间", await NoticeAsync(client), StringComparison.Ordinal);
        await using var db = app.CreateContext();
        Assert.Equal(MarkdownRenderer.Version, await db.ContentItems.Where(i => i.Slug == "notice").Select(i => i.HtmlRendererVersion).SingleAsync(Ct));
        // The broken item is left exactly as it was (not half re-rendered) and is tried again at the next start.
        var bad = await db.ContentItems.AsNoTracking().SingleAsync(i => i.Id == badId, Ct);
        Assert.Equal(1, bad.HtmlRendererVersion);
        Assert.Equal("<p>旧的渲染结果</p>", bad.Html);
    }

    private static Task<string> NoticeAsync(HttpClient client) => client.GetStringAsync(new Uri("/page/notice", UriKind.Relative), Ct);

    [Fact]
    public async Task A_file_without_slug_keeps_its_item_when_title_and_date_change()
    {
        await using var database = await DatabaseAsync();
        var content = Repo.CopyContent(database.DataPath);
        var settings = new Dictionary<string, string?> { ["Cms:ContentPath"] = content };
        var file = Path.Combine(content, "13", "news", "plain-title.md");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, "---\nkind: news\nedition: 13\ntitle: Hello World News\npublishedAt: 2019-11-30 09:00\n---\n正文\n", Ct);
        var first = await WithAppAsync(database, db => db.ContentItems.SingleAsync(i => i.Title == "Hello World News", Ct), settings);
        Assert.Equal("plain-title", first.Slug);

        await File.WriteAllTextAsync(file, "---\nkind: news\nedition: 13\ntitle: Hello World News (updated)\n---\n正文\n", Ct);
        var items = await WithAppAsync(database, db => db.ContentItems.Where(i => i.Slug == "plain-title").ToListAsync(Ct), settings);
        var item = Assert.Single(items);
        Assert.Equal("Hello World News (updated)", item.Title);
        Assert.Equal(first.PublishedAt, item.PublishedAt);
    }

    [Fact]
    public async Task Content_restored_from_an_export_is_not_overwritten_by_the_seed()
    {
        await using var database = await DatabaseAsync();
        var backup = Path.Combine(database.DataPath, "backup");
        await WithAppAsync(database, async db =>
        {
            var item = await db.ContentItems.Include(i => i.Tags).Include(i => i.Edition).SingleAsync(i => i.Slug == "notice", Ct);
            new ContentWriter(new MarkdownRenderer(), TimeProvider.System)
                .Apply(item, ContentFields.From(item, 13) with { Summary = "编辑改过的摘要" }, "editor@example.cn");
            await db.SaveChangesAsync(Ct);
            return await new ContentExporter(db).ExportAsync(backup, Ct);
        });

        await using var fresh = await DatabaseAsync();
        await using (var db = fresh.CreateContext())
        {
            await db.Database.MigrateAsync(Ct);
            await new ContentImporter(db, new ContentWriter(new MarkdownRenderer(), TimeProvider.System))
                .ImportAsync(backup, includeSamples: true, cancellationToken: Ct);
        }

        var summary = await WithAppAsync(fresh, db => db.ContentItems.Where(i => i.Slug == "notice").Select(i => i.Summary).SingleAsync(Ct));
        Assert.Equal("编辑改过的摘要", summary);
    }

    [Fact]
    public async Task Production_mode_loads_no_samples_and_seeds_only_when_configured()
    {
        await using var database = await DatabaseAsync();
        var production = new Dictionary<string, string?> { ["Cms:Mode"] = "Production", ["Cms:Database:Migrate"] = "true" };
        var nothing = await WithAppAsync(database, CountsAsync, production);
        Assert.Equal((0, 0, 0, 0, 0), nothing);

        production["Cms:Seed:Enabled"] = "true";
        var (items, samples) = await WithAppAsync(database, async db =>
            (await db.ContentItems.CountAsync(Ct), await db.ContentItems.CountAsync(i => i.IsSample, Ct)), production);
        Assert.Equal(5, items);
        Assert.Equal(0, samples);
    }

    [Fact]
    public async Task A_malformed_file_stops_the_import_with_file_and_line_and_imports_nothing()
    {
        await using var database = await DatabaseAsync();
        var content = Repo.CopyContent(database.DataPath);
        await File.WriteAllTextAsync(Path.Combine(content, "13", "pages", "zz-broken.md"),
            "---\nkind: page\nedition: 13\ntitle: 坏文件\nslug: [unclosed\n---\n正文\n", Ct);

        await using var db = database.CreateContext();
        await db.Database.MigrateAsync(Ct);
        var importer = new ContentImporter(db, new ContentWriter(new MarkdownRenderer(), TimeProvider.System));
        var error = await Assert.ThrowsAsync<ContentImportException>(() => importer.ImportAsync(content, includeSamples: true, cancellationToken: Ct));
        Assert.Equal("13/pages/zz-broken.md", error.File);
        Assert.Equal(5, error.Line);

        db.ChangeTracker.Clear();
        Assert.Equal(0, await db.ContentItems.CountAsync(Ct));
        Assert.Equal(0, await db.Cities.CountAsync(Ct));
        Assert.Equal(0, await db.Editions.CountAsync(Ct));
    }
}

public sealed class SeedSqliteTests() : SeedTests(DatabaseProvider.Sqlite);

public sealed class SeedPostgresTests() : SeedTests(DatabaseProvider.PostgreSql);
