using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Campaign;

/// <summary>
/// A city's plan through the management API, on both providers: every step of missing → draft → submitted → returned →
/// submitted → accepted, with the versions and their diff, who may take which step, and what a refused submit leaves.
/// </summary>
public abstract class SubmissionWorkflowTests(ClockedApp fixture)
{
    private const string Base = "/api/manage/v1/editions/13";
    private static readonly string[] UnknownChannel = ["tiktok"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_plan_goes_from_missing_to_accepted_and_keeps_every_version_with_its_diff()
    {
        const string city = "420100";
        fixture.Time.SetBeijing(2019, 11, 10, 9, 0, 0);
        using var clerk = await Staff.SignInAsync(fixture.App, Roles.CityContributor, city);
        using var reviewer = await Staff.SignInAsync(fixture.App, Roles.Reviewer);
        var url = $"{Base}/plans/{city}";

        var missing = await clerk.Client.GetOkAsync(url);
        Assert.Equal("missing", missing.GetProperty("status").GetString());
        Assert.Equal("第十三届中国专利周武汉市活动方案", missing.GetProperty("title").GetString());
        Assert.Equal("2019-11-13T23:59:59.9999999+08:00", missing.GetProperty("dueAt").GetString());
        Assert.Equal(["save", "submit"], missing.GetProperty("next").EnumerateArray().Select(e => e.GetString()!));

        var scan = await CampaignData.FileAsync(fixture.App, city, CampaignData.Pdf, "方案盖章.pdf");
        var draft = await clerk.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, url, new { fields = CampaignData.Plan(scan) });
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        Assert.Equal(1, draft.GetProperty("version").GetInt32());

        var submitted = await clerk.Client.PostAsync($"{url}/submit");
        Assert.Equal("submitted", submitted.GetProperty("status").GetString());
        Assert.False(submitted.GetProperty("late").GetBoolean());
        // Under review, the city cannot change it.
        var locked = await clerk.Client.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Put, url, new { version = 2, fields = CampaignData.Plan(scan) });
        Assert.Equal("save-not-editable", locked.GetProperty("code").GetString());

        var noComment = await reviewer.Client.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, $"{url}/return", new { comment = " " });
        Assert.True(noComment.GetProperty("errors").TryGetProperty("comment", out _));
        var returned = await reviewer.Client.PostAsync($"{url}/return", new { comment = "请补充第二场活动的地点。" });
        Assert.Equal("returned", returned.GetProperty("status").GetString());

        var seen = await clerk.Client.GetOkAsync(url);
        Assert.Equal("请补充第二场活动的地点。", seen.GetProperty("comment").GetString());
        var fixedPlan = CampaignData.Plan(scan, CampaignData.Event("专利质押融资对接会", "2019-12-02"),
            new { title = "高价值专利培训", date = "2019-12-03", type = "training", place = "武汉大学", organiser = "武汉市知识产权局", expectedParticipants = 200 });
        var edited = await clerk.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, url, new { version = seen.GetProperty("version").GetInt32(), fields = fixedPlan });
        Assert.Equal("returned", edited.GetProperty("status").GetString());
        var again = await clerk.Client.PostAsync($"{url}/submit");
        Assert.Equal("submitted", again.GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.Client.SendAsync(HttpMethod.Post, $"{url}/accept")).Status);
        var accepted = await reviewer.Client.PostAsync($"{url}/accept");
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        Assert.Empty(accepted.GetProperty("next").EnumerateArray());
        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.Client.SendAsync(HttpMethod.Post, $"{url}/return", new { comment = "再改" })).Status);

        var history = accepted.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["accept", "submit", "save", "return", "submit", "save"], history.Select(h => h.GetProperty("step").GetString()!));
        var change = Assert.Single(history[2].GetProperty("changes").EnumerateArray());
        Assert.Equal("events[1].place", change.GetProperty("field").GetString());
        Assert.Equal("武汉光谷会展中心", change.GetProperty("before").GetString());
        Assert.Equal("武汉大学", change.GetProperty("after").GetString());
        Assert.Equal("请补充第二场活动的地点。", history[3].GetProperty("comment").GetString());

        await using var db = fixture.App.CreateContext();
        var audit = await db.AuditEntries.Where(a => a.Target == $"plan/13/{city}").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct);
        Assert.Equal(["submission.save", "submission.submit", "submission.return", "submission.save", "submission.submit", "submission.accept"], audit);
        var clerkNotes = await db.Notifications.Where(n => n.UserId == clerk.User.Id).Select(n => n.Link).ToListAsync(Ct);
        Assert.Equal(2, clerkNotes.Count(l => l == $"/admin/campaign/13/plan/{city}"));
    }

    [Fact]
    public async Task A_submit_that_lacks_fields_is_422_naming_each_and_the_draft_stays()
    {
        const string city = "420300";
        fixture.Time.SetBeijing(2019, 11, 10, 9, 0, 0);
        using var clerk = await Staff.SignInAsync(fixture.App, Roles.CityContributor, city);
        var url = $"{Base}/plans/{city}";

        // Nothing saved: every required field is named, and nothing is stored.
        var nothing = await clerk.Client.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, $"{url}/submit");
        var fields = nothing.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "scan", "events", "contactName", "contactPhone" }, fields);
        Assert.Equal("missing", (await clerk.Client.GetOkAsync(url)).GetProperty("status").GetString());

        var saved = await clerk.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, url, new { fields = CampaignData.Plan(scan: null) });
        var refused = await clerk.Client.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, $"{url}/submit");
        Assert.Equal(["scan"], refused.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal("required", refused.GetProperty("codes").GetProperty("scan").GetString());
        var after = await clerk.Client.GetOkAsync(url);
        Assert.Equal("draft", after.GetProperty("status").GetString());
        Assert.Equal(saved.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
        Assert.Equal(2, after.GetProperty("fields").GetProperty("events").GetArrayLength());
    }

    [Fact]
    public async Task Another_city_sees_nothing_and_only_the_city_writes_its_own()
    {
        const string wuhan = "420500";
        using var clerk = await Staff.SignInAsync(fixture.App, Roles.CityContributor, wuhan);
        using var other = await Staff.SignInAsync(fixture.App, Roles.CityContributor, "420200");
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var url = $"{Base}/plans/{wuhan}";
        await clerk.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, url, new { fields = CampaignData.Plan(scan: null) });

        foreach (var (method, path) in new[] { (HttpMethod.Get, url), (HttpMethod.Put, url), (HttpMethod.Post, $"{url}/submit"), (HttpMethod.Get, $"{Base}/reports/{wuhan}") })
            Assert.Equal(HttpStatusCode.NotFound, (await other.Client.SendAsync(method, path, method == HttpMethod.Put ? new { version = 1, fields = CampaignData.Plan(null) } : null)).Status);
        Assert.Equal("missing", (await other.Client.GetOkAsync($"{Base}/reports/420200")).GetProperty("status").GetString());

        Assert.Equal("draft", (await editor.Client.GetOkAsync(url)).GetProperty("status").GetString());
        var write = await editor.Client.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Put, url, new { version = 1, fields = CampaignData.Plan(null) });
        Assert.Equal("cities-write-submissions", write.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.Client.SendAsync(HttpMethod.Post, $"{url}/return", new { comment = "x" })).Status);

        Assert.Equal(HttpStatusCode.NotFound, (await editor.Client.SendAsync(HttpMethod.Get, $"{Base}/plans/999999")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.Client.SendAsync(HttpMethod.Get, "/api/manage/v1/editions/99/plans/420100")).Status);
        var stale = await clerk.Client.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Put, url, new { version = 7, fields = CampaignData.Plan(null) });
        Assert.Equal("version-stale", stale.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.Client.SendAsync(HttpMethod.Put, url, new { fields = CampaignData.Plan(null) })).Status);
    }

    [Theory]
    // The due day's last second is on time, the next day's first second late; an extension or a grace moves the line.
    [InlineData("420600", 13, 23, 59, 59, null, 0, false)]
    [InlineData("420700", 14, 0, 0, 0, null, 0, true)]
    [InlineData("420800", 13, 0, 0, 0, null, 0, false)]
    [InlineData("420900", 15, 12, 0, 0, 15, 0, false)]
    [InlineData("421000", 16, 0, 0, 0, 15, 0, true)]
    [InlineData("421100", 14, 0, 29, 0, null, 30, false)]
    [InlineData("421200", 14, 0, 30, 1, null, 30, true)]
    public async Task Lateness_is_judged_by_the_first_submission_against_the_city_s_due_time(
        string city, int day, int hour, int minute, int second, int? extendedTo, int grace, bool late)
    {
        if (extendedTo is { } extended)
            await CampaignData.ExtendAsync(fixture.App, SubmissionKind.Plan, city, new DateOnly(2019, 11, extended));
        await CampaignData.SetGraceAsync(fixture.App, SubmissionKind.Plan, grace);
        try
        {
            await SubmitAtAsync(city, day, hour, minute, second, late);
        }
        finally
        {
            await CampaignData.SetGraceAsync(fixture.App, SubmissionKind.Plan, 0);
        }
    }

    private async Task SubmitAtAsync(string city, int day, int hour, int minute, int second, bool late)
    {
        using var clerk = await Staff.SignInAsync(fixture.App, Roles.CityContributor, city);
        using var reviewer = await Staff.SignInAsync(fixture.App, Roles.Reviewer);
        var url = $"{Base}/plans/{city}";
        fixture.Time.SetBeijing(2019, 11, day, hour, minute, second);
        var scan = await CampaignData.FileAsync(fixture.App, city, "image/jpeg", "scan.jpg");
        await clerk.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, url, new { fields = CampaignData.Plan(scan) });
        var submitted = await clerk.Client.PostAsync($"{url}/submit");
        Assert.Equal(late, submitted.GetProperty("late").GetBoolean());

        // A return and a resubmission a week later leave the judgement as it was.
        await reviewer.Client.PostAsync($"{url}/return", new { comment = "补充" });
        fixture.Time.SetBeijing(2019, 11, 25, 9, 0, 0);
        Assert.Equal(late, (await clerk.Client.PostAsync($"{url}/submit")).GetProperty("late").GetBoolean());
    }

    [Theory]
    [InlineData(false, null, 1)]
    [InlineData(true, null, 2)]
    [InlineData(true, 3, 3)]
    [InlineData(false, 0, 0)]
    public async Task The_event_minimum_follows_the_categories_unless_the_edition_overrides_it(bool strong, int? minimum, int required)
    {
        const string city = "421300";
        await CampaignData.SetCategoriesAsync(fixture.App, city, strong, minimum);
        using var clerk = await Staff.SignInAsync(fixture.App, Roles.CityContributor, city);
        var plan = await clerk.Client.GetOkAsync($"{Base}/plans/{city}");
        Assert.Equal(required, plan.GetProperty("minimumEvents").GetInt32());
        var one = await clerk.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Base}/plans/{city}",
            new { version = plan.GetProperty("version").GetInt32() is var v && v == 0 ? (int?)null : v, fields = CampaignData.Plan(null, CampaignData.Event("宣讲会", "2019-12-01", "publicity")) });
        var refused = await clerk.Client.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, $"{Base}/plans/{city}/submit");
        Assert.Equal(required > 1, refused.GetProperty("errors").TryGetProperty("events", out _));
        Assert.True(one.GetProperty("version").GetInt32() > 0);
        await CampaignData.SetCategoriesAsync(fixture.App, city, false);
    }

    [Fact]
    public async Task Wrong_fields_are_400_by_name_and_nothing_is_stored()
    {
        const string city = "422800";
        using var clerk = await Staff.SignInAsync(fixture.App, Roles.CityContributor, city);
        var docx = await CampaignData.FileAsync(fixture.App, city, CampaignData.Docx, "方案.docx");
        var others = await CampaignData.FileAsync(fixture.App, "420100", CampaignData.Pdf, "武汉.pdf");
        var url = $"{Base}/plans/{city}";
        var bad = await clerk.Client.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Put, url, new
        {
            fields = new
            {
                events = new[] { new { title = "活动", date = "2018-01-01", type = "party", place = "x", organiser = "y", expectedParticipants = -1 } },
                channels = UnknownChannel, contactName = "李", contactPhone = "abc", scan = docx, document = others,
            },
        });
        var named = bad.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Equal(new HashSet<string> { "events[0].date", "events[0].type", "events[0].expectedParticipants", "channels", "contactPhone", "scan", "document" }, named);
        Assert.Equal("scan-type", bad.GetProperty("codes").GetProperty("scan").GetString());
        Assert.Equal("attachment-missing", bad.GetProperty("codes").GetProperty("document").GetString());
        Assert.Equal("missing", (await clerk.Client.GetOkAsync(url)).GetProperty("status").GetString());

        var report = await clerk.Client.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Put, $"{Base}/reports/{city}", new
        {
            fields = new
            {
                metrics = new Dictionary<string, object> { ["participants"] = -5, ["transaction-amount"] = 12.345m, ["transactions"] = 1.5m, ["pledge-amount"] = 1e12m, ["nope"] = 1 },
                mediaReports = new[] { new { outlet = "湖北日报", title = "报道", date = "2019-12-03", url = "javascript:alert(1)" } },
                sections = new Dictionary<string, string> { ["overall"] = "总体", ["seventh"] = "x" },
            },
        });
        var reportFields = report.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Equal(new HashSet<string> { "metrics.participants", "metrics.transaction-amount", "metrics.transactions", "metrics.pledge-amount", "metrics.nope", "mediaReports[0].url", "sections.seventh" }, reportFields);
        var notNumber = await clerk.Client.SendAsync(HttpMethod.Put, $"{Base}/reports/{city}", JsonDocument.Parse("""{"fields":{"metrics":{"participants":"many"}}}""").RootElement);
        Assert.Equal(HttpStatusCode.BadRequest, notNumber.Status);
        Assert.Equal("missing", (await clerk.Client.GetOkAsync($"{Base}/reports/{city}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_planned_event_becomes_one_draft_event_item_of_the_city()
    {
        const string city = "429005";
        using var clerk = await Staff.SignInAsync(fixture.App, Roles.CityContributor, city);
        using var other = await Staff.SignInAsync(fixture.App, Roles.CityContributor, "429006");
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var url = $"{Base}/plans/{city}";
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.Client.SendAsync(HttpMethod.Post, $"{url}/events/0/item")).Status);
        await clerk.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, url, new { fields = CampaignData.Plan(null) });

        var id = (await clerk.Client.PostAsync($"{url}/events/1/item")).GetProperty("item").GetInt32();
        Assert.Equal(id, (await clerk.Client.PostAsync($"{url}/events/1/item")).GetProperty("item").GetInt32());
        var item = await clerk.Client.GetOkAsync($"/api/manage/v1/content/{id}");
        Assert.Equal("event", item.GetProperty("kind").GetString());
        Assert.Equal("draft", item.State());
        Assert.Equal("高价值专利培训", item.GetProperty("title").GetString());
        Assert.Equal(city, item.GetProperty("city").GetString());
        Assert.Equal("武汉光谷会展中心", item.GetProperty("location").GetString());
        Assert.Equal("2019-12-03T09:00:00+08:00", item.GetProperty("startsAt").GetString());

        var plan = await clerk.Client.GetOkAsync(url);
        Assert.Equal(id, plan.GetProperty("fields").GetProperty("events")[1].GetProperty("itemId").GetInt32());
        Assert.Equal("link", plan.GetProperty("history")[0].GetProperty("step").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.Client.SendAsync(HttpMethod.Post, $"{url}/events/5/item")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.SendAsync(HttpMethod.Post, $"{url}/events/0/item")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.Client.SendAsync(HttpMethod.Post, $"{url}/events/0/item")).Status);
    }

    [Fact]
    public async Task The_tasks_of_the_edition_are_listed_with_their_dates()
    {
        using var reviewer = await Staff.SignInAsync(fixture.App, Roles.Reviewer);
        var tasks = (await reviewer.Client.GetOkAsync($"{Base}/tasks")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["plan", "report"], tasks.Select(t => t.GetProperty("kind").GetString()!));
        Assert.Equal("2019-11-01T00:00:00+08:00", tasks[0].GetProperty("opensAt").GetString());
        Assert.Equal("2019-12-12T23:59:59.9999999+08:00", tasks[1].GetProperty("dueAt").GetString());
        Assert.Equal(17, tasks[1].GetProperty("cities").GetArrayLength());
        Assert.Equal("{city}第{edition}届中国专利周活动总结报告", tasks[1].GetProperty("titlePattern").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.Client.SendAsync(HttpMethod.Get, "/api/manage/v1/editions/99/tasks")).Status);
    }
}

public sealed class SubmissionWorkflowSqliteTests(ClockedSqliteApp app) : SubmissionWorkflowTests(app), IClassFixture<ClockedSqliteApp>;

public sealed class SubmissionWorkflowPostgresTests(ClockedPostgresApp app) : SubmissionWorkflowTests(app), IClassFixture<ClockedPostgresApp>;
