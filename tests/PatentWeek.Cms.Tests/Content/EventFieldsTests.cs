using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Content.Import;
using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Pages.Admin.Content;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Content;

/// <summary>
/// An event's type and organiser, declared once in the registry, travel end to end: the management API writes and
/// reads them, the delivery API adds the type's Chinese label, the editor form shows them for events only (the type as
/// a select), a bad type is refused with a stable code and a Chinese message next to the field, and content files
/// import them and refuse an unknown type.
/// </summary>
public abstract class EventFieldsTests(AppFixture fixture)
{
    private const string Wuhan = "420100";
    private static readonly HtmlParser Parser = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_event_type_is_declared_with_its_eight_choices_for_events_only()
    {
        Assert.Equal(["宣讲", "培训", "对接", "展示", "交易", "咨询", "揭牌", "其他"], TextFields.EventType.Choices!.Select(c => c.Label));
        Assert.Equal("培训", EventTypes.LabelOf("training"));
        Assert.Contains(TextFields.EventType, ContentTypes.Of(Data.Content.ContentKind.Event).Fields);
        Assert.Contains(TextFields.Organiser, ContentTypes.Of(Data.Content.ContentKind.Event).Fields);
        Assert.All(ContentTypes.All.Where(t => t.Kind != Data.Content.ContentKind.Event), t => Assert.DoesNotContain(TextFields.EventType, t.Fields));
        Assert.True(TextFields.EventType.Allows("training"));
        Assert.True(TextFields.EventType.Allows(null));
        Assert.False(TextFields.EventType.Allows("培训"));
    }

    [Fact]
    public async Task The_API_writes_and_reads_type_and_organiser_and_delivery_adds_the_label()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var slug = TestContent.UniqueSlug("ev-api");
        var id = await editor.Client.CreateAsync(new Dictionary<string, object>
        {
            ["kind"] = "event", ["title"] = "接口写入的活动", ["slug"] = slug, ["city"] = Wuhan, ["body"] = "正文",
            ["startsAt"] = "2019-12-02 09:00", ["endsAt"] = "2019-12-02 11:00", ["location"] = "某会场",
            ["eventType"] = "training", ["organiser"] = "某主办单位",
        });
        var managed = await editor.Client.GetOkAsync($"/api/manage/v1/content/{id}");
        Assert.Equal("training", managed.GetProperty("eventType").GetString());
        Assert.Equal("某主办单位", managed.GetProperty("organiser").GetString());

        await editor.Client.PostAsync($"/api/manage/v1/content/{id}/publish");
        var delivered = await editor.Client.GetOkAsync($"/api/v1/content/event/{slug}");
        var details = delivered.GetProperty("event");
        Assert.Equal("training", details.GetProperty("type").GetString());
        Assert.Equal("培训", details.GetProperty("typeLabel").GetString());
        Assert.Equal("某主办单位", details.GetProperty("organiser").GetString());
        Assert.Equal("某会场", details.GetProperty("location").GetString());

        using var page = await fixture.Client.GetAsync(new Uri($"/event/{slug}", UriKind.Relative), Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<dt>类型</dt><dd>培训</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>主办单位</dt><dd>某主办单位</dd>", html, StringComparison.Ordinal);

        // The revision diff names the change of type by its Chinese label.
        await editor.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/manage/v1/content/{id}", new Dictionary<string, object>
        {
            ["title"] = "接口写入的活动", ["slug"] = slug, ["city"] = Wuhan, ["body"] = "正文", ["eventType"] = "consulting", ["organiser"] = "某主办单位",
            ["version"] = (await editor.Client.GetOkAsync($"/api/manage/v1/content/{id}")).GetProperty("version").GetInt32(),
        });
        var user = await Staff.CreateUserAsync(fixture.App, Roles.Editor);
        using var session = await AdminSession.SignInAsync(fixture.App, user.Email!, Staff.Password);
        var diff = await session.GetStringAsync(new Uri($"/admin/content/{id}/revisions", UriKind.Relative), Ct);
        Assert.Contains("活动类型：咨询", diff, StringComparison.Ordinal);
        Assert.Contains("活动类型：培训", diff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_type_that_is_not_a_choice_is_refused_with_a_code_on_the_API_and_in_Chinese_next_to_the_field()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var (status, body) = await editor.Client.SendAsync(HttpMethod.Post, "/api/manage/v1/content", new Dictionary<string, object>
        {
            ["kind"] = "event", ["title"] = "类型不对的活动", ["city"] = Wuhan, ["eventType"] = "party",
        });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("event-type-unknown", body.GetProperty("codes").GetProperty("eventType").GetString());
        Assert.True(body.GetProperty("errors").TryGetProperty("eventType", out _), body.ToString());

        var user = await Staff.CreateUserAsync(fixture.App, Roles.Editor);
        using var session = await AdminSession.SignInAsync(fixture.App, user.Email!, Staff.Password);
        using var response = await session.PostFormAsync("/admin/content/edit", new()
        {
            ["Form.Kind"] = "event", ["Form.Title"] = "类型不对的活动", ["Form.City"] = Wuhan, ["Form.Body"] = "正文",
            [EditModel.FormName(TextFields.EventType)] = "party",
        });
        var document = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync(Ct), Ct);
        Assert.Equal("请从列表中选择活动类型。", document.QuerySelector($"[data-valmsg-for='{EditModel.FormName(TextFields.EventType)}']")?.TextContent.Trim());
        using var scope = fixture.App.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<CmsDbContext>().ContentItems.AnyAsync(i => i.Title == "类型不对的活动", Ct));
    }

    [Fact]
    public async Task The_editor_form_shows_type_as_a_select_and_organiser_for_events_only()
    {
        var user = await Staff.CreateUserAsync(fixture.App, Roles.Editor);
        using var session = await AdminSession.SignInAsync(fixture.App, user.Email!, Staff.Password);
        var form = await Parser.ParseDocumentAsync(await session.GetStringAsync(new Uri("/admin/content/edit?kind=event", UriKind.Relative), Ct), Ct);
        var select = form.QuerySelector("select#event-type");
        Assert.NotNull(select);
        Assert.Equal(EditModel.FormName(TextFields.EventType), select.GetAttribute("name"));
        Assert.Equal(["", .. EventTypes.All.Select(c => c.Code)], select.QuerySelectorAll("option").Select(o => o.GetAttribute("value") ?? ""));
        Assert.Equal("培训", select.QuerySelector("option[value='training']")?.TextContent);
        Assert.NotNull(form.QuerySelector("input#organiser"));
        Assert.Equal("活动类型", form.QuerySelector("label[for='event-type']")?.TextContent.Trim());

        var news = await Parser.ParseDocumentAsync(await session.GetStringAsync(new Uri("/admin/content/edit?kind=news", UriKind.Relative), Ct), Ct);
        // A new form can still become an event: the event's fields are there, marked for events only (the admin
        // script hides and disables them while another kind is chosen).
        foreach (var selector in new[] { "#event-type", "#organiser" })
            Assert.Equal("event", news.QuerySelector(selector)?.Closest("[data-kinds]")?.GetAttribute("data-kinds"));

        // A saved news item's form has none of them.
        using var author = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var newsId = await author.Client.CreateAsync(new Dictionary<string, object> { ["kind"] = "news", ["title"] = "没有活动字段的新闻" });
        var saved = await Parser.ParseDocumentAsync(await session.GetStringAsync(new Uri($"/admin/content/edit/{newsId}", UriKind.Relative), Ct), Ct);
        Assert.Null(saved.QuerySelector("#event-type"));
        Assert.Null(saved.QuerySelector("#organiser"));

        // The edit form of a saved event shows its type chosen.
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var id = await editor.Client.CreateAsync(new Dictionary<string, object> { ["kind"] = "event", ["title"] = "已选类型的活动", ["city"] = Wuhan, ["eventType"] = "unveiling" });
        var edit = await Parser.ParseDocumentAsync(await session.GetStringAsync(new Uri($"/admin/content/edit/{id}", UriKind.Relative), Ct), Ct);
        Assert.Equal("unveiling", edit.QuerySelector("select#event-type option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Files_import_type_and_organiser_and_an_unknown_type_imports_nothing()
    {
        var tag = "ev" + Guid.NewGuid().ToString("N")[..8];
        var folder = Directory.CreateTempSubdirectory("events-").FullName;
        try
        {
            File.Copy(Path.Combine(Repo.Content, CampaignFileReader.EditionsFile), Path.Combine(folder, CampaignFileReader.EditionsFile));
            File.Copy(Path.Combine(Repo.Content, CampaignFileReader.CitiesFile), Path.Combine(folder, CampaignFileReader.CitiesFile));
            var file = Path.Combine(folder, $"{tag}.md");
            string Text(string type) => $"---\nkind: event\nedition: 13\ntitle: 导入的活动{tag}\nslug: {tag}\ncity: \"{Wuhan}\"\ntype: {type}\norganiser: 某主办单位\n" +
                "state: published\npublishedAt: \"2019-11-28 10:00\"\nstartsAt: \"2019-12-04 09:00\"\n---\n正文\n";

            await File.WriteAllTextAsync(file, Text("bogus"), Ct);
            using (var scope = fixture.App.Services.CreateScope())
            {
                var error = await Assert.ThrowsAsync<ContentImportException>(() =>
                    scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(folder, includeSamples: false, cancellationToken: Ct));
                Assert.Contains("type must be one of", error.Message, StringComparison.Ordinal);
                Assert.False(await scope.ServiceProvider.GetRequiredService<CmsDbContext>().ContentItems.AnyAsync(i => i.Slug == tag, Ct));
            }

            await File.WriteAllTextAsync(file, Text("exhibition"), Ct);
            using (var scope = fixture.App.Services.CreateScope())
            {
                var report = await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(folder, includeSamples: false, cancellationToken: Ct);
                Assert.Equal(1, report.Created);
                var item = await scope.ServiceProvider.GetRequiredService<CmsDbContext>().ContentItems.SingleAsync(i => i.Slug == tag, Ct);
                Assert.Equal("exhibition", item.EventType);
                Assert.Equal("某主办单位", item.Organiser);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        var delivered = await fixture.Client.GetOkAsync($"/api/v1/content/event/{tag}");
        Assert.Equal("展示", delivered.GetProperty("event").GetProperty("typeLabel").GetString());
    }

    [Fact]
    public async Task The_seed_s_sample_events_carry_their_type_and_organiser()
    {
        var delivered = await fixture.Client.GetOkAsync("/api/v1/content/event/sample-shiyan-policy-training");
        Assert.Equal("training", delivered.GetProperty("event").GetProperty("type").GetString());
        Assert.Contains("示例", delivered.GetProperty("event").GetProperty("organiser").GetString(), StringComparison.Ordinal);
    }
}

public sealed class EventFieldsSqliteTests(SqliteApp app) : EventFieldsTests(app), IClassFixture<SqliteApp>;

public sealed class EventFieldsPostgresTests(PostgresApp app) : EventFieldsTests(app), IClassFixture<PostgresApp>;
