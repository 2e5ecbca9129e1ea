using System.Net;
using System.Text.Json;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.SiteHealth;

/// <summary>The rule of <see cref="PublishDates"/>: recorded once, never moved by a later save.</summary>
public sealed class PublishDatesRuleTests
{
    private static readonly DateTime First = new(2019, 11, 30, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = new(2019, 12, 5, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_first_publish_records_the_date_and_nothing_moves_it()
    {
        Assert.Null(PublishDates.Next(null, null, ContentState.Draft, Now));
        Assert.Equal(Now, PublishDates.Next(null, null, ContentState.Published, Now));
        // An imported file brings the date it was first published elsewhere.
        Assert.Equal(First, PublishDates.Next(null, First, ContentState.Published, Now));
        // Once recorded: an earlier date (back-dating), a later one and the time of a republish are all ignored.
        Assert.Equal(First, PublishDates.Next(First, First.AddDays(-30), ContentState.Published, Now));
        Assert.Equal(First, PublishDates.Next(First, First.AddDays(3), ContentState.Published, Now));
        Assert.Equal(First, PublishDates.Next(First, null, ContentState.Published, Now));
        Assert.Equal(First, PublishDates.Next(First, null, ContentState.Archived, Now));
    }
}

/// <summary>Through the management API: edits, a published working copy, unpublish and republish keep the first date.</summary>
public abstract class PublishDateTests(AppFixture fixture)
{
    private static string? PublishedAt(JsonElement item) =>
        item.GetProperty("publishedAt").ValueKind == JsonValueKind.Null ? null : item.GetProperty("publishedAt").GetString();

    [Fact]
    public async Task No_edit_or_republish_moves_the_displayed_date()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var id = await editor.Client.CreateAsync(new { kind = "news", title = "发布日期测试", body = "正文" });
        var item = await editor.Client.GetOkAsync($"/api/manage/v1/content/{id}");
        Assert.Null(PublishedAt(item));

        Assert.NotNull(PublishedAt(await editor.Client.PostAsync($"/api/manage/v1/content/{id}/publish")));
        // As stored (PostgreSQL keeps microseconds, so the publish's own answer may carry one digit more).
        var first = PublishedAt(await editor.Client.GetOkAsync($"/api/manage/v1/content/{id}"));

        // A request that names an earlier date is not a way to back-date: the API has no such field.
        var version = (await editor.Client.GetOkAsync($"/api/manage/v1/content/{id}")).GetProperty("version").GetInt32();
        var (status, _) = await editor.Client.SendAsync(HttpMethod.Put, $"/api/manage/v1/content/{id}",
            new { title = "发布日期测试（改）", body = "正文", version, publishedAt = "2000-01-01T00:00:00+08:00" });
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"answered {(int)status}");
        version = (await editor.Client.GetOkAsync($"/api/manage/v1/content/{id}")).GetProperty("version").GetInt32();
        await editor.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/manage/v1/content/{id}", new { title = "发布日期测试（再改）", body = "正文二", version });
        Assert.Equal(first, PublishedAt(await editor.Client.GetOkAsync($"/api/manage/v1/content/{id}")));

        await Task.Delay(20, TestContext.Current.CancellationToken);
        var republished = await editor.Client.PostAsync($"/api/manage/v1/content/{id}/publish");
        Assert.Equal("发布日期测试（再改）", republished.GetProperty("title").GetString());
        Assert.Equal(first, PublishedAt(republished));

        await editor.Client.PostAsync($"/api/manage/v1/content/{id}/unpublish");
        Assert.Equal(first, PublishedAt(await editor.Client.PostAsync($"/api/manage/v1/content/{id}/publish")));
        Assert.Equal(first, PublishedAt(await editor.Client.PostAsync($"/api/manage/v1/content/{id}/revisions/1/restore")));
    }
}

public sealed class PublishDateSqliteTests(SqliteApp app) : PublishDateTests(app), IClassFixture<SqliteApp>;

public sealed class PublishDatePostgresTests(PostgresApp app) : PublishDateTests(app), IClassFixture<PostgresApp>;
