using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Search;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Search;

/// <summary>
/// The index on each provider: the same items, the same queries, the same ranked ids on SQLite's FTS5 and PostgreSQL's
/// tsvector columns. Each test's items carry a marker word of its own, so the seed and the other tests do not count.
/// </summary>
public abstract class SearchIndexTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Items(int Title, int Summary, int Body, int Split, int Draft, int Trashed);

    private async Task<Items> AddAsync(string marker)
    {
        var start = DateTime.UtcNow.AddDays(-10);
        async Task<int> Add(string title, string summary, string body, int day, ContentState state = ContentState.Published)
        {
            var item = await TestContent.AddAsync(fixture.App, TestContent.News(TestContent.UniqueSlug("search"), state) with
            {
                Title = title, Summary = summary, Body = body, PublishedAt = state == ContentState.Published ? start.AddDays(day) : null,
            });
            return item.Id;
        }

        var items = new Items(
            Title: await Add($"高价值专利培育{marker}", "", "正文一", 1),
            Summary: await Add($"{marker}新闻", "高价值专利的转化", "正文二", 2),
            Body: await Add($"{marker}活动", "", "关于高价值专利与 5G 标准的培训。", 3),
            Split: await Add($"{marker}无关", "", "高价，值专利。", 4),
            Draft: await Add($"{marker}草稿高价值专利", "", "草稿正文", 5, ContentState.Draft),
            Trashed: await Add($"{marker}回收高价值专利", "", "回收正文", 6));
        await using (var db = fixture.App.CreateContext())
        {
            var trashed = await db.ContentItems.SingleAsync(i => i.Id == items.Trashed, Ct);
            trashed.DeletedAt = DateTime.UtcNow;
            await db.SaveChangesAsync(Ct);
        }

        await using var scope = fixture.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SearchIndexer>().RefreshAsync(
            [items.Title, items.Summary, items.Body, items.Split, items.Draft, items.Trashed], Ct);
        return items;
    }

    private async Task<List<int>> FindAsync(string q, bool publicOnly = true)
    {
        Assert.True(SearchQuery.TryParse(q, out var query, out var refusal), refusal?.Code);
        await using var db = fixture.App.CreateContext();
        var matches = SearchMatches.Of(db, query);
        if (publicOnly)
            matches = matches.Where(m => m.IsPublic);
        return await matches.Ranked().Select(m => m.Id).ToListAsync(Ct);
    }

    private static string Marker() => "鑫" + (char)('\u4E00' + Random.Shared.Next(0x5000)) + (char)('\u4E00' + Random.Shared.Next(0x5000)) + "淼";

    [Fact]
    public async Task A_query_ranks_the_title_then_the_summary_then_the_body_and_never_matches_across_punctuation()
    {
        var marker = Marker();
        var items = await AddAsync(marker);

        // Whole query in the title (A), in the summary (B, with the marker in its title: not all of it in one place),
        // then the body; the punctuation in D's "高价，值专利" breaks the word.
        var found = await FindAsync($"{marker} 高价值专利");
        Assert.Equal([items.Title, items.Body, items.Summary], found);
        // Staff also find the draft (its title has it all, and it is newer than A).
        Assert.Equal([items.Draft, items.Title, items.Body, items.Summary], await FindAsync($"{marker} 高价值专利", publicOnly: false));

        // Two characters, one character, a substring that spans D's punctuation only from the right side.
        Assert.Equal([items.Title, items.Split, items.Body, items.Summary], await FindAsync($"{marker} 值专利"));
        Assert.Equal([items.Title, items.Split, items.Body, items.Summary], await FindAsync($"{marker} 专"));
        Assert.Equal([items.Title], await FindAsync($"{marker} 价值专利培"));
        // Three and four characters: on PostgreSQL one lexeme of their own, which must match exactly what the phrase did.
        Assert.Equal([items.Title, items.Body, items.Summary], await FindAsync($"{marker} 价值专利"));
        Assert.Equal([items.Title, items.Body, items.Summary], await FindAsync($"{marker} 高价值"));
        Assert.Empty(await FindAsync($"{marker} 价值专培"));
        Assert.Empty(await FindAsync($"{marker} 高价值专利培训"));

        // Latin words are prefixes; several words are ANDed; quoted text is a phrase.
        Assert.Equal([items.Body], await FindAsync($"{marker} 5g"));
        Assert.Equal([items.Body], await FindAsync($"{marker} 5"));
        Assert.Equal([items.Body], await FindAsync($"{marker} \"5G 标准\""));
        Assert.Empty(await FindAsync($"{marker} \"5G 培训\""));
        Assert.Equal([items.Body], await FindAsync($"{marker} 培训 标准"));

        // Engine syntax is text: nothing in these items has the words "or" or "near", and nothing throws.
        Assert.Empty(await FindAsync($"{marker} \" OR NEAR( * : & !"));

        // The draft is for staff only; the trashed item for nobody.
        Assert.DoesNotContain(items.Draft, await FindAsync($"{marker} 草稿"));
        Assert.Contains(items.Draft, await FindAsync($"{marker} 草稿", publicOnly: false));
        Assert.Empty(await FindAsync($"{marker} 回收", publicOnly: false));
    }

    [Fact]
    public async Task A_rebuild_indexes_every_item_outside_the_trash_and_a_trashed_item_leaves_the_index()
    {
        var marker = Marker();
        var items = await AddAsync(marker);
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var count = await scope.ServiceProvider.GetRequiredService<SearchIndexer>().RebuildAsync(Ct);
            await using var db = fixture.App.CreateContext();
            Assert.Equal(await db.ContentItems.CountAsync(i => i.DeletedAt == null, Ct), count);
            Assert.Equal(count, await db.SearchDocuments.CountAsync(Ct));
        }
        // The seed is found too (its notice speaks of 专利 throughout).
        Assert.True(SearchQuery.TryParse("专利", out var seedQuery, out _));
        await using (var db = fixture.App.CreateContext())
            Assert.NotEmpty(await SearchMatches.Of(db, seedQuery).Where(m => m.IsPublic).ToListAsync(Ct));

        Assert.Equal([items.Title, items.Body, items.Summary], await FindAsync($"{marker} 高价值专利"));
        await using (var db = fixture.App.CreateContext())
        {
            (await db.ContentItems.SingleAsync(i => i.Id == items.Title, Ct)).DeletedAt = DateTime.UtcNow;
            await db.SaveChangesAsync(Ct);
        }
        await using (var scope = fixture.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SearchIndexer>().RefreshAsync([items.Title], Ct);
        Assert.Equal([items.Body, items.Summary], await FindAsync($"{marker} 高价值专利"));
    }

    [Fact]
    public async Task A_draft_is_indexed_for_staff_and_a_publish_an_unpublish_a_republish_and_a_trash_follow_by_their_events()
    {
        var marker = Marker();
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var id = await editor.Client.CreateAsync(new { kind = "news", title = $"{marker}发布即可搜索", body = "知识产权宣传周" });
        async Task Expect(bool found, bool isPublic) => await Eventually.TrueAsync(async () =>
        {
            await using var db = fixture.App.CreateContext();
            Assert.True(SearchQuery.TryParse($"{marker} 宣传周", out var query, out _));
            var match = await SearchMatches.Of(db, query).SingleOrDefaultAsync(m => m.Id == id, Ct);
            return found ? match is not null && match.IsPublic == isPublic : match is null;
        }, TimeSpan.FromSeconds(10));

        // The draft is indexed for staff at once (its creation raised content.edited), not for the public.
        await Expect(found: true, isPublic: false);
        await editor.Client.PostAsync($"/api/manage/v1/content/{id}/publish");
        await Expect(found: true, isPublic: true);
        await editor.Client.PostAsync($"/api/manage/v1/content/{id}/unpublish");
        await Expect(found: true, isPublic: false);
        await editor.Client.PostAsync($"/api/manage/v1/content/{id}/publish");
        await Expect(found: true, isPublic: true);
        await editor.Client.ExpectAsync(System.Net.HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/manage/v1/content/{id}");
        await Expect(found: false, isPublic: false);
    }
}

public sealed class SearchIndexSqliteTests(SqliteApp app) : SearchIndexTests(app), IClassFixture<SqliteApp>;

public sealed class SearchIndexPostgresTests(PostgresApp app) : SearchIndexTests(app), IClassFixture<PostgresApp>;
