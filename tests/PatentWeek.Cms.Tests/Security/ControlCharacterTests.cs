using System.Net;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Tests.Infrastructure;
using PatentWeek.Cms.Tests.Media;

namespace PatentWeek.Cms.Tests.Security;

/// <summary>
/// The control-character rule where text is written outside the JSON bodies: a reject comment from the review queue
/// and from the item page, the blocked-words list, an upload's alt text and title. Each is refused (a Chinese message
/// next to the field in the admin, a 400 naming the field on the API) and nothing of it is stored.
/// </summary>
public abstract class ControlCharacterTests(AppFixture fixture)
{
    private const string Escape = "不行\u001b[31m";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reject_comment_from_the_review_queue_is_refused_and_the_item_stays_submitted()
    {
        var id = await SubmittedItemAsync();
        using var reviewer = await ReviewerAsync();

        using var response = await reviewer.PostFormAsync($"/admin/review?handler=Reject&id={id}", new() { ["comment"] = Escape });

        await AssertRefusedAsync(response, id);
    }

    [Fact]
    public async Task A_reject_comment_from_the_item_page_is_refused_and_the_item_stays_submitted()
    {
        var id = await SubmittedItemAsync();
        using var reviewer = await ReviewerAsync();

        using var response = await reviewer.PostFormAsync($"/admin/content/{id}?handler=Reject", new() { ["comment"] = Escape });

        await AssertRefusedAsync(response, id);
    }

    [Fact]
    public async Task A_blocked_word_with_a_control_character_is_refused_and_the_list_is_kept()
    {
        var user = await Staff.CreateUserAsync(fixture.App, Roles.Administrator);
        using var admin = await AdminSession.SignInAsync(fixture.App, user.Email!, Staff.Password, () => Staff.CodeAsync(fixture.App, user));
        var word = "坏词" + Guid.NewGuid().ToString("N")[..6];

        using var response = await admin.PostFormAsync("/admin/settings/words", new() { ["Block"] = word + "\u0007", ["Warn"] = "" });

        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html[..Math.Min(html.Length, 400)]}");
        Assert.Contains("禁止词不能包含控制字符", html, StringComparison.Ordinal);
        await using var db = fixture.App.CreateContext();
        Assert.False(await db.SensitiveWords.AnyAsync(w => w.Word.StartsWith(word), Ct));
    }

    [Theory]
    [InlineData("alt")]
    [InlineData("title")]
    public async Task An_upload_with_a_control_character_in_a_text_field_is_a_400_naming_it(string field)
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        await using var before = fixture.App.CreateContext();
        var count = await before.MediaAssets.CountAsync(Ct);

        var (status, problem) = await editor.Client.UploadAsync(
            TestImages.Jpeg(400, 300), "照片.jpg", alt: field == "alt" ? "图\u0000片" : "图片", title: field == "title" ? "标题\u001b" : null);

        Assert.True(status == HttpStatusCode.BadRequest, $"{(int)status} {problem}");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.Contains("control character", messages.ToString(), StringComparison.Ordinal);
        Assert.Equal("control-character", problem.GetProperty("codes").GetProperty(field).GetString());
        await using var after = fixture.App.CreateContext();
        Assert.Equal(count, await after.MediaAssets.CountAsync(Ct));
    }

    private async Task<int> SubmittedItemAsync()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var id = await editor.Client.CreateAsync(new { kind = "news", title = "待退回" + Guid.NewGuid().ToString("N")[..6], body = "正文" });
        await editor.Client.PostAsync($"/api/manage/v1/content/{id}/submit");
        return id;
    }

    private async Task<HttpClient> ReviewerAsync()
    {
        var user = await Staff.CreateUserAsync(fixture.App, Roles.Reviewer);
        return await AdminSession.SignInAsync(fixture.App, user.Email!, Staff.Password);
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, int id)
    {
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html[..Math.Min(html.Length, 400)]}");
        Assert.Contains("退回意见不能包含控制字符", html, StringComparison.Ordinal);
        await using var db = fixture.App.CreateContext();
        var item = await db.ContentItems.AsNoTracking().SingleAsync(i => i.Id == id, Ct);
        Assert.Equal(ContentState.Submitted, item.State);
        Assert.Null(item.ReviewComment);
        Assert.False(await db.Notifications.AnyAsync(n => n.ContentItemId == id && n.Message.Contains("不行"), Ct));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Detail != null && a.Detail.Contains(Escape), Ct));
    }
}

public sealed class ControlCharacterSqliteTests(SqliteApp app) : ControlCharacterTests(app), IClassFixture<SqliteApp>;

public sealed class ControlCharacterPostgresTests(PostgresApp app) : ControlCharacterTests(app), IClassFixture<PostgresApp>;
