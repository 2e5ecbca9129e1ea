using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data.Workflow;
using PatentWeek.Cms.Workflow;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Workflow;

/// <summary>The submit–review–publish workflow through the management API, as each role.</summary>
public abstract class WorkflowApiTests(AppFixture fixture)
{
    private const string Wuhan = "420100";
    private const string Huangshi = "420200";

    private static object Story(string title, string city = Wuhan, string body = "正文") =>
        new { kind = "story", title, body, city, tags = new[] { "市州亮点" } };

    [Fact]
    public async Task A_city_story_goes_from_draft_through_review_to_the_public_site()
    {
        using var wuhan = await Staff.SignInAsync(fixture.App, Roles.CityContributor, Wuhan);
        using var reviewer = await Staff.SignInAsync(fixture.App, Roles.Reviewer);
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);

        var id = await wuhan.Client.CreateAsync(Story("武汉市专利周亮点"));
        var item = await wuhan.Client.GetOkAsync($"/api/manage/v1/content/{id}");
        Assert.Equal("draft", item.State());
        var slug = item.GetProperty("slug").GetString()!;
        Assert.Matches("^\\d{8}-[0-9a-f]{6}$", slug);

        Assert.Equal("submitted", (await wuhan.Client.PostAsync($"/api/manage/v1/content/{id}/submit")).State());
        var rejected = await reviewer.Client.PostAsync($"/api/manage/v1/content/{id}/reject", new { comment = "请补充活动数据" });
        Assert.Equal("draft", rejected.State());
        Assert.Equal("请补充活动数据", rejected.GetProperty("reviewComment").GetString());

        var version = rejected.GetProperty("version").GetInt32();
        await wuhan.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/manage/v1/content/{id}",
            new { title = "武汉市专利周亮点", body = "正文，补充了数据：3 场活动。", city = Wuhan, version });
        await wuhan.Client.PostAsync($"/api/manage/v1/content/{id}/submit");
        Assert.Equal("approved", (await reviewer.Client.PostAsync($"/api/manage/v1/content/{id}/approve")).State());

        await fixture.Client.GetJsonAsync($"/api/v1/content/story/{slug}", HttpStatusCode.NotFound);
        var published = await editor.Client.PostAsync($"/api/manage/v1/content/{id}/publish");
        Assert.Equal("published", published.State());

        var live = await fixture.Client.GetJsonAsync($"/api/v1/content/story/{slug}");
        Assert.Contains("3 场活动", live.GetProperty("html").GetString(), StringComparison.Ordinal);
        var page = await fixture.Client.GetStringAsync(new Uri($"/story/{slug}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("武汉市专利周亮点", page, StringComparison.Ordinal);

        var notes = await wuhan.Client.GetOkAsync("/api/manage/v1/notifications");
        var messages = notes.EnumerateArray().Select(n => n.GetProperty("message").GetString()!).ToList();
        Assert.Contains(messages, m => m.StartsWith("已退回修改", StringComparison.Ordinal) && m.Contains("请补充活动数据", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("已通过审核", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("已发布", StringComparison.Ordinal));
        var reviewerNotes = await reviewer.Client.GetOkAsync("/api/manage/v1/notifications");
        Assert.Contains(reviewerNotes.EnumerateArray(), n => n.GetProperty("message").GetString() == "待审核：《武汉市专利周亮点》");

        await using var db = fixture.App.CreateContext();
        var actions = await db.AuditEntries.Where(a => a.Target == $"content/{id}").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["create", "submit", "reject", "update", "submit", "approve", "publish"], actions);
    }

    [Fact]
    public async Task Roles_decide_who_may_do_what()
    {
        using var wuhan = await Staff.SignInAsync(fixture.App, Roles.CityContributor, Wuhan);
        using var reviewer = await Staff.SignInAsync(fixture.App, Roles.Reviewer);
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);

        await reviewer.Client.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "/api/manage/v1/content", new { kind = "news", title = "审核员不能写" });
        await wuhan.Client.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "/api/manage/v1/content", new { kind = "news", title = "通讯员不能写新闻" });
        await wuhan.Client.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "/api/manage/v1/content", Story("别的城市", Huangshi));

        var id = await wuhan.Client.CreateAsync(Story("角色测试"));
        await wuhan.Client.PostAsync($"/api/manage/v1/content/{id}/submit");
        await wuhan.Client.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, $"/api/manage/v1/content/{id}/approve", new { });
        await wuhan.Client.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, $"/api/manage/v1/content/{id}/publish", new { });
        await reviewer.Client.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, $"/api/manage/v1/content/{id}/publish", new { });
        // A contributor edits drafts only: a submitted item is out of their hands.
        var version = (await wuhan.Client.GetOkAsync($"/api/manage/v1/content/{id}")).GetProperty("version").GetInt32();
        await wuhan.Client.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Put, $"/api/manage/v1/content/{id}", new { title = "改", city = Wuhan, version });
        // An editor publishes only approved items (or their own drafts).
        await editor.Client.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, $"/api/manage/v1/content/{id}/publish", new { });

        var own = await editor.Client.CreateAsync(new { kind = "news", title = "编辑自己的新闻", body = "正文" });
        Assert.Equal("published", (await editor.Client.PostAsync($"/api/manage/v1/content/{own}/publish")).State());
    }

    [Fact]
    public async Task Illegal_transitions_are_409_problem_json()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var id = await editor.Client.CreateAsync(new { kind = "news", title = "状态机" });
        var (status, body) = await editor.Client.SendAsync(HttpMethod.Post, $"/api/manage/v1/content/{id}/approve", new { });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(409, body.GetProperty("status").GetInt32());
        Assert.Contains("submitted", body.GetProperty("detail").GetString(), StringComparison.Ordinal);

        await editor.Client.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, $"/api/manage/v1/content/{id}/unpublish", new { });
        await editor.Client.PostAsync($"/api/manage/v1/content/{id}/submit");
        await editor.Client.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, $"/api/manage/v1/content/{id}/submit", new { });
        await editor.Client.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, $"/api/manage/v1/content/{id}/reject", new { comment = "" });
        await editor.Client.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Post, "/api/manage/v1/content/99999999/submit", new { });
    }

    [Fact]
    public async Task A_stale_save_is_a_conflict_showing_both_versions_and_loses_nothing()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        using var other = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var id = await editor.Client.CreateAsync(new { kind = "news", title = "并发", body = "原文" });
        var version = (await editor.Client.GetOkAsync($"/api/manage/v1/content/{id}")).GetProperty("version").GetInt32();

        await other.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/manage/v1/content/{id}", new { title = "并发", body = "第一个人的修改", version });
        var conflict = await editor.Client.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Put, $"/api/manage/v1/content/{id}", new { title = "并发", body = "第二个人的修改", version });
        Assert.Equal("第一个人的修改", conflict.GetProperty("current").GetProperty("body").GetString());
        Assert.Equal("第二个人的修改", conflict.GetProperty("yours").GetProperty("body").GetString());
        Assert.Equal(version + 1, conflict.GetProperty("currentVersion").GetInt32());

        await editor.Client.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Put, $"/api/manage/v1/content/{id}", new { title = "没有版本" });
        using var ifMatch = new HttpRequestMessage(HttpMethod.Put, $"/api/manage/v1/content/{id}") { Content = System.Net.Http.Json.JsonContent.Create(new { title = "并发", body = "用 If-Match" }) };
        ifMatch.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{version + 1}\""));
        using var saved = await editor.Client.SendAsync(ifMatch, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
    }

    [Fact]
    public async Task Editing_a_published_item_keeps_the_live_version_until_the_copy_is_published()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var id = await editor.Client.CreateAsync(new { kind = "news", title = "工作副本", body = "线上版本", slug = "working-copy-" + Guid.NewGuid().ToString("N")[..6] });
        var published = await editor.Client.PostAsync($"/api/manage/v1/content/{id}/publish");
        var slug = published.GetProperty("slug").GetString()!;

        var newSlug = slug + "-v2";
        var edited = await editor.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/manage/v1/content/{id}",
            new { title = "工作副本", body = "修改中的版本", slug = newSlug, version = published.GetProperty("version").GetInt32() });
        Assert.Equal("published", edited.State());
        Assert.Equal("draft", edited.GetProperty("workingCopyState").GetString());
        Assert.Contains("线上版本", (await fixture.Client.GetJsonAsync($"/api/v1/content/news/{slug}")).GetProperty("html").GetString(), StringComparison.Ordinal);

        await editor.Client.PostAsync($"/api/manage/v1/content/{id}/publish");
        Assert.Contains("修改中的版本", (await fixture.Client.GetJsonAsync($"/api/v1/content/news/{newSlug}")).GetProperty("html").GetString(), StringComparison.Ordinal);

        // The old address answers 301 to the new one, on the site and in the API.
        using var noRedirect = fixture.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var site = await noRedirect.GetAsync(new Uri($"/news/{slug}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MovedPermanently, site.StatusCode);
        Assert.Equal($"/news/{newSlug}", site.Headers.Location?.ToString());
        using var api = await noRedirect.GetAsync(new Uri($"/api/v1/content/news/{slug}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MovedPermanently, api.StatusCode);
    }

    [Fact]
    public async Task A_preview_link_shows_an_unpublished_item_on_the_site_and_in_the_api_until_it_expires()
    {
        using var wuhan = await Staff.SignInAsync(fixture.App, Roles.CityContributor, Wuhan);
        var id = await wuhan.Client.CreateAsync(Story("预览中的亮点"));
        var link = await wuhan.Client.PostAsync($"/api/manage/v1/content/{id}/preview-link");
        var api = new Uri(link.GetProperty("apiUrl").GetString()!).PathAndQuery;
        var site = new Uri(link.GetProperty("url").GetString()!).PathAndQuery;

        var preview = await fixture.Client.GetJsonAsync(api);
        Assert.Equal("预览中的亮点", preview.GetProperty("title").GetString());
        using var page = await fixture.Client.GetAsync(new Uri(site, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
        Assert.Contains("noindex", page.Headers.GetValues("X-Robots-Tag"));
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("预览中的亮点", html, StringComparison.Ordinal);
        Assert.Contains("preview-banner", html, StringComparison.Ordinal);

        // The item itself stays unpublished, and a tampered token opens nothing.
        await fixture.Client.GetJsonAsync($"/api/v1/content/story/{preview.GetProperty("slug").GetString()}", HttpStatusCode.NotFound);
        var token = api[(api.LastIndexOf('/') + 1)..];
        await fixture.Client.GetJsonAsync("/api/v1/preview/" + token[..^2] + (token[^2] == 'A' ? "BB" : "AA"), HttpStatusCode.NotFound);
        await fixture.Client.GetJsonAsync("/api/v1/preview/not-a-token", HttpStatusCode.NotFound);

        // An expired link opens nothing either.
        var links = new PreviewLinks(
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(fixture.App.Services),
            new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow - PreviewLinks.Lifetime - TimeSpan.FromMinutes(1)));
        await fixture.Client.GetJsonAsync("/api/v1/preview/" + links.Create(id).Token, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Trash_hides_an_item_and_restore_brings_it_back()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var slug = "trash-" + Guid.NewGuid().ToString("N")[..6];
        var id = await editor.Client.CreateAsync(new { kind = "news", title = "回收站", slug });
        await editor.Client.PostAsync($"/api/manage/v1/content/{id}/publish");
        await fixture.Client.GetJsonAsync($"/api/v1/content/news/{slug}");

        await editor.Client.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/manage/v1/content/{id}");
        await fixture.Client.GetJsonAsync($"/api/v1/content/news/{slug}", HttpStatusCode.NotFound);
        var trash = await editor.Client.GetOkAsync("/api/manage/v1/content/trash");
        Assert.Contains(trash.EnumerateArray(), t => t.GetProperty("id").GetInt32() == id);
        var list = await editor.Client.GetOkAsync("/api/manage/v1/content?q=" + Uri.EscapeDataString("回收站"));
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetInt32() == id);

        Assert.Equal("published", (await editor.Client.PostAsync($"/api/manage/v1/content/{id}/restore")).State());
        await fixture.Client.GetJsonAsync($"/api/v1/content/news/{slug}");
    }

    [Fact]
    public async Task Every_save_is_a_revision_and_restoring_one_adds_another()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var id = await editor.Client.CreateAsync(new { kind = "news", title = "修订", body = "第一版" });
        var v = (await editor.Client.GetOkAsync($"/api/manage/v1/content/{id}")).GetProperty("version").GetInt32();
        await editor.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/manage/v1/content/{id}", new { title = "修订", body = "第二版", version = v });

        var revisions = (await editor.Client.GetOkAsync($"/api/manage/v1/content/{id}/revisions")).EnumerateArray().ToList();
        Assert.Equal(2, revisions.Count);
        Assert.Equal("第二版", revisions[0].GetProperty("fields").GetProperty("body").GetString());
        var first = revisions[1].GetProperty("number").GetInt32();

        var restored = await editor.Client.PostAsync($"/api/manage/v1/content/{id}/revisions/{first}/restore");
        Assert.Equal("第一版", restored.GetProperty("body").GetString());
        Assert.Equal(3, (await editor.Client.GetOkAsync($"/api/manage/v1/content/{id}/revisions")).GetArrayLength());
    }

    [Fact]
    public async Task Blocked_words_stop_submit_and_publish_warnings_are_shown_in_context()
    {
        var blocked = "禁词" + Guid.NewGuid().ToString("N")[..4];
        var warned = "最佳" + Guid.NewGuid().ToString("N")[..4];
        await using (var db = fixture.App.CreateContext())
        {
            db.SensitiveWords.Add(new SensitiveWord { Word = blocked, Level = SensitiveWordLevel.Block });
            db.SensitiveWords.Add(new SensitiveWord { Word = warned, Level = SensitiveWordLevel.Warn });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        using var wuhan = await Staff.SignInAsync(fixture.App, Roles.CityContributor, Wuhan);
        var bad = await wuhan.Client.CreateAsync(Story("含禁词", body: $"这里有{blocked}一词。"));
        var refused = await wuhan.Client.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, $"/api/manage/v1/content/{bad}/submit", new { });
        var hit = refused.GetProperty("hits").EnumerateArray().Single(h => h.GetProperty("level").GetString() == "block");
        Assert.Equal("body", hit.GetProperty("field").GetString());
        Assert.Contains(blocked, hit.GetProperty("context").GetString(), StringComparison.Ordinal);
        Assert.Equal("draft", (await wuhan.Client.GetOkAsync($"/api/manage/v1/content/{bad}")).State());

        var warn = await wuhan.Client.CreateAsync(Story($"{warned}的活动"));
        var submitted = await wuhan.Client.PostAsync($"/api/manage/v1/content/{warn}/submit");
        Assert.Equal("submitted", submitted.State());
        Assert.Contains(submitted.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("field").GetString() == "title");
    }

    [Fact]
    public async Task A_generated_slug_that_is_taken_gets_a_number()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var title = "Launch " + Guid.NewGuid().ToString("N")[..6];
        var first = await editor.Client.CreateAsync(new { kind = "news", title });
        var second = await editor.Client.CreateAsync(new { kind = "news", title });
        var a = (await editor.Client.GetOkAsync($"/api/manage/v1/content/{first}")).GetProperty("slug").GetString();
        var b = (await editor.Client.GetOkAsync($"/api/manage/v1/content/{second}")).GetProperty("slug").GetString();
        Assert.Equal(a + "-2", b);
        // An explicit slug that is taken is the author's mistake to fix: 400 naming the field.
        var problem = await editor.Client.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/manage/v1/content", new { kind = "news", title, slug = a });
        Assert.True(problem.GetProperty("errors").TryGetProperty("slug", out _));
    }

    [Fact]
    public async Task Bad_bodies_are_400_with_the_field_named()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var cases = new object[]
        {
            new { kind = "news" },
            new { kind = "blog", title = "x" },
            new { kind = "news", title = new string('长', 201) },
            new { kind = "news", title = "x", slug = "Not A Slug" },
            new { kind = "story", title = "x" },
            new { kind = "story", title = "x", city = "999999" },
            new { kind = "event", title = "x", city = Wuhan, startsAt = "明天" },
            new { kind = "news", title = "x", tags = new[] { new string('标', 65) } },
            new { kind = "news", title = "x", edition = 99 },
        };
        foreach (var body in cases)
        {
            var problem = await editor.Client.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/manage/v1/content", body);
            Assert.True(problem.TryGetProperty("errors", out var errors) && errors.EnumerateObject().Any(), problem.ToString());
        }

        using var raw = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");
        using var response = await editor.Client.PostAsync(new Uri("/api/manage/v1/content", UriKind.Relative), raw, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scheduled_publish_fires_on_time()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var slug = "scheduled-" + Guid.NewGuid().ToString("N")[..6];
        var id = await editor.Client.CreateAsync(new { kind = "news", title = "定时发布", slug });
        var at = DateTimeOffset.UtcNow.AddSeconds(2).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture);
        var scheduled = await editor.Client.PostAsync($"/api/manage/v1/content/{id}/publish", new { at });
        Assert.Equal("draft", scheduled.State());
        Assert.NotEqual(JsonValueKind.Null, scheduled.GetProperty("scheduledPublishAt").ValueKind);
        await fixture.Client.GetJsonAsync($"/api/v1/content/news/{slug}", HttpStatusCode.NotFound);

        await Eventually.TrueAsync(async () => (await fixture.Client.GetAsync(new Uri($"/api/v1/content/news/{slug}", UriKind.Relative))).IsSuccessStatusCode,
            TimeSpan.FromSeconds(10));
        Assert.Equal("published", (await editor.Client.GetOkAsync($"/api/manage/v1/content/{id}")).State());
    }

    [Fact]
    public async Task A_schedule_is_void_when_the_item_changes_and_cancelled_by_publishing_now()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        string Soon() => DateTimeOffset.UtcNow.AddSeconds(2).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

        // Edited after scheduling: the job does not publish the unseen edit.
        var edited = await editor.Client.CreateAsync(new { kind = "news", title = "定时后又改", slug = "sched-edit-" + Guid.NewGuid().ToString("N")[..6] });
        var scheduled = await editor.Client.PostAsync($"/api/manage/v1/content/{edited}/publish", new { at = Soon() });
        await editor.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/manage/v1/content/{edited}",
            new { title = "定时后又改", body = "没人审过的修改", slug = scheduled.GetProperty("slug").GetString(), version = scheduled.GetProperty("version").GetInt32() });

        // Published now, then unpublished: the old schedule must not bring it back.
        var now = await editor.Client.CreateAsync(new { kind = "news", title = "立即发布后撤下" });
        await editor.Client.PostAsync($"/api/manage/v1/content/{now}/publish", new { at = Soon() });
        await editor.Client.PostAsync($"/api/manage/v1/content/{now}/publish");
        await editor.Client.PostAsync($"/api/manage/v1/content/{now}/unpublish");

        await Task.Delay(TimeSpan.FromSeconds(4), TestContext.Current.CancellationToken);
        var first = await editor.Client.GetOkAsync($"/api/manage/v1/content/{edited}");
        Assert.Equal("draft", first.State());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("scheduledPublishAt").ValueKind);
        Assert.Equal("archived", (await editor.Client.GetOkAsync($"/api/manage/v1/content/{now}")).State());
        await using var db = fixture.App.CreateContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Target == $"content/{edited}" && a.Action == "schedule.void", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Unpublishing_keeps_a_pending_edit_and_a_later_save_stays_off_the_site()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var id = await editor.Client.CreateAsync(new { kind = "news", title = "线上标题", body = "线上正文" });
        var live = await editor.Client.PostAsync($"/api/manage/v1/content/{id}/publish");
        var copy = await editor.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/manage/v1/content/{id}",
            new { title = "修改稿标题", body = "修改稿正文", version = live.GetProperty("version").GetInt32() });
        var archived = await editor.Client.PostAsync($"/api/manage/v1/content/{id}/unpublish");
        Assert.Equal("archived", archived.State());
        Assert.Equal("修改稿标题", archived.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, archived.GetProperty("workingCopyState").ValueKind);

        var saved = await editor.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/manage/v1/content/{id}",
            new { title = "撤下后再改", body = "正文", version = archived.GetProperty("version").GetInt32() });
        Assert.Equal("archived", saved.State());
        await fixture.Client.GetJsonAsync($"/api/v1/content/news/{saved.GetProperty("slug").GetString()}", HttpStatusCode.NotFound);
        _ = copy;
    }

    [Fact]
    public async Task Slugs_can_go_back_and_forth_and_a_taken_one_is_a_409_not_a_500()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var a = "flip-" + Guid.NewGuid().ToString("N")[..6];
        var b = a + "-b";
        var id = await editor.Client.CreateAsync(new { kind = "news", title = "来回改别名", slug = a });
        await editor.Client.PostAsync($"/api/manage/v1/content/{id}/publish");
        foreach (var slug in new[] { b, a, b })
        {
            var v = (await editor.Client.GetOkAsync($"/api/manage/v1/content/{id}")).GetProperty("version").GetInt32();
            await editor.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/manage/v1/content/{id}", new { title = "来回改别名", slug, version = v });
            await editor.Client.PostAsync($"/api/manage/v1/content/{id}/publish");
        }

        await fixture.Client.GetJsonAsync($"/api/v1/content/news/{b}");
        using var noRedirect = fixture.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var old = await noRedirect.GetAsync(new Uri($"/news/{a}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);

        // Two working copies aiming at the same new slug: the second publish is refused, not a crash.
        var target = "taken-" + Guid.NewGuid().ToString("N")[..6];
        var ids = new List<int>();
        for (var i = 0; i < 2; i++)
        {
            var x = await editor.Client.CreateAsync(new { kind = "news", title = "抢别名" + i });
            var p = await editor.Client.PostAsync($"/api/manage/v1/content/{x}/publish");
            await editor.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/manage/v1/content/{x}", new { title = "抢别名" + i, slug = target, version = p.GetProperty("version").GetInt32() });
            ids.Add(x);
        }

        await editor.Client.PostAsync($"/api/manage/v1/content/{ids[0]}/publish");
        var (status, _) = await editor.Client.SendAsync(HttpMethod.Post, $"/api/manage/v1/content/{ids[1]}/publish", new { });
        Assert.True(status is HttpStatusCode.BadRequest or HttpStatusCode.Conflict, $"publish of a taken slug answered {(int)status}");
    }

    [Fact]
    public async Task The_audit_log_is_for_administrators_and_filterable()
    {
        using var admin = await Staff.SignInAsync(fixture.App, Roles.Administrator);
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var id = await editor.Client.CreateAsync(new { kind = "news", title = "审计" });
        await editor.Client.PostAsync($"/api/manage/v1/content/{id}/publish");

        await editor.Client.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, "/api/manage/v1/audit");
        var entries = (await admin.Client.GetOkAsync($"/api/manage/v1/audit?target=content/{id}")).EnumerateArray().ToList();
        Assert.Equal(["publish", "create"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.All(entries, e => Assert.Equal(editor.Email, e.GetProperty("actor").GetString()));
        var publishes = (await admin.Client.GetOkAsync("/api/manage/v1/audit?action=publish")).EnumerateArray();
        Assert.All(publishes, e => Assert.Equal("publish", e.GetProperty("action").GetString()));
    }
}

public sealed class WorkflowApiSqliteTests(SqliteApp app) : WorkflowApiTests(app), IClassFixture<SqliteApp>;

public sealed class WorkflowApiPostgresTests(PostgresApp app) : WorkflowApiTests(app), IClassFixture<PostgresApp>;
