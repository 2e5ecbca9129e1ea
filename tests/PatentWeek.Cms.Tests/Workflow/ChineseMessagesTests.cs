using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data.Workflow;
using PatentWeek.Cms.Tests.Infrastructure;
using PatentWeek.Cms.Tests.Media;

namespace PatentWeek.Cms.Tests.Workflow;

/// <summary>
/// Refusals reach the admin in Chinese, next to the field they concern, through the real host: the workflow's field
/// errors on the editor form, a blocked word on submit, the framework's own binding and range messages on the media
/// form. The APIs keep English with a stable code.
/// </summary>
public abstract class ChineseMessagesTests(AppFixture fixture)
{
    private const string Wuhan = "420100";
    private static readonly HtmlParser Parser = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_editor_form_shows_the_workflow_s_field_errors_in_Chinese_next_to_the_field()
    {
        var user = await Staff.CreateUserAsync(fixture.App, Roles.CityContributor, Wuhan);
        using var session = await AdminSession.SignInAsync(fixture.App, user.Email!, Staff.Password);

        using var response = await session.PostFormAsync("/admin/content/edit", new()
        {
            ["Form.Kind"] = "story", ["Form.Title"] = "武汉亮点", ["Form.Slug"] = "Bad Slug!", ["Form.StartsAt"] = "昨天上午", ["Form.Body"] = "正文。",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("网址别名只能用小写英文字母", FieldMessage(page, "Form.Slug"), StringComparison.Ordinal);
        Assert.Contains("时间格式不正确", FieldMessage(page, "Form.StartsAt"), StringComparison.Ordinal);
        AssertNoLatinOnlyMessage(page);

        // The API answers the same refusal in English with its stable code.
        using var api = await Staff.SignInAsync(fixture.App, Roles.CityContributor, Wuhan);
        var problem = await api.Client.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/manage/v1/content",
            new { kind = "story", title = "武汉亮点", city = Wuhan, slug = "Bad Slug!" });
        Assert.Contains("lower-case", problem.GetProperty("errors").GetProperty("slug")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("slug-format", problem.GetProperty("codes").GetProperty("slug").GetString());
    }

    [Fact]
    public async Task A_blocked_word_is_refused_in_Chinese_naming_the_field_and_the_API_keeps_English_with_a_code()
    {
        var blocked = "禁词" + Guid.NewGuid().ToString("N")[..4];
        await using (var db = fixture.App.CreateContext())
        {
            db.SensitiveWords.Add(new SensitiveWord { Word = blocked, Level = SensitiveWordLevel.Block });
            await db.SaveChangesAsync(Ct);
        }

        try
        {
            var user = await Staff.CreateUserAsync(fixture.App, Roles.CityContributor, Wuhan);
            using var api = await Staff.SignInAsync(fixture.App, Roles.CityContributor, Wuhan);
            var id = await api.Client.CreateAsync(new { kind = "story", title = "武汉亮点", city = Wuhan, body = $"这里有{blocked}一词。" });
            using var session = await AdminSession.SignInAsync(fixture.App, user.Email!, Staff.Password);
            // The item is another contributor's of the same city; a second draft of this one's own is submitted below.
            var own = await CreateThroughFormAsync(session, $"正文里有{blocked}。");

            using var refused = await session.PostFormAsync($"/admin/content/{own}?handler=Submit");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            using var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync(Ct));
            var summary = page.QuerySelector("[role=alert]")!.TextContent;
            Assert.Contains("禁用词", summary, StringComparison.Ordinal);
            Assert.Contains("正文", summary, StringComparison.Ordinal);
            Assert.DoesNotContain("blocked", summary, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("正文", page.QuerySelector("section.hits")!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("body", page.QuerySelector("section.hits")!.TextContent, StringComparison.Ordinal);
            AssertNoLatinOnlyMessage(page);

            var problem = await api.Client.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, $"/api/manage/v1/content/{id}/submit", new { });
            Assert.Contains("blocked word", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal("blocked-words", problem.GetProperty("code").GetString());
        }
        finally
        {
            await using var db = fixture.App.CreateContext();
            db.SensitiveWords.RemoveRange(db.SensitiveWords.Where(w => w.Word == blocked));
            await db.SaveChangesAsync(Ct);
        }
    }

    [Fact]
    public async Task The_framework_s_binding_and_range_messages_are_Chinese()
    {
        var user = await Staff.CreateUserAsync(fixture.App, Roles.Editor);
        using var api = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var media = (await api.Client.UploadOkAsync(TestImages.Jpeg(400, 300), "focal.jpg", alt: "焦点")).GetProperty("id").GetInt32();
        using var session = await AdminSession.SignInAsync(fixture.App, user.Email!, Staff.Password);

        using var response = await session.PostFormAsync($"/admin/media/{media}", new() { ["Alt"] = "焦点", ["FocalX"] = "abc", ["FocalY"] = "5" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        using var page = Parser.ParseDocument(html);
        var summary = page.QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("焦点横向的值“abc”无效", summary, StringComparison.Ordinal);
        Assert.Contains("焦点纵向须在 0 至 1 之间", summary, StringComparison.Ordinal);
        AssertNoLatinOnlyMessage(page);
        // Nor in the HTML's validation attributes.
        Assert.DoesNotContain("The field", html, StringComparison.Ordinal);
        Assert.DoesNotContain("is required", html, StringComparison.Ordinal);
    }

    private static async Task<int> CreateThroughFormAsync(HttpClient session, string body)
    {
        using var saved = await session.PostFormAsync("/admin/content/edit", new() { ["Form.Kind"] = "story", ["Form.Title"] = "武汉亮点草稿", ["Form.Body"] = body });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return int.Parse(saved.Headers.Location!.ToString().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The message shown next to a field (its validation span).</summary>
    private static string FieldMessage(IDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";

    /// <summary>No error message on the page is in Latin letters alone.</summary>
    private static void AssertNoLatinOnlyMessage(IDocument page)
    {
        foreach (var error in page.QuerySelectorAll(".error, [role=alert], .field-validation-error, .validation-summary-errors li"))
        {
            var text = error.TextContent.Trim();
            Assert.False(text.Any(char.IsAsciiLetter) && !text.Any(c => c is >= '\u4e00' and <= '\u9fff'), $"English message: {text}");
        }
    }
}

public sealed class ChineseMessagesSqliteTests(SqliteApp app) : ChineseMessagesTests(app), IClassFixture<SqliteApp>;

public sealed class ChineseMessagesPostgresTests(PostgresApp app) : ChineseMessagesTests(app), IClassFixture<PostgresApp>;
