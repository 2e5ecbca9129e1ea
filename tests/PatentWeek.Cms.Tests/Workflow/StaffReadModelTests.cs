using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Content.Staff;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Workflow;

/// <summary>
/// The staff read model: the management API and the admin's content list answer the same filter with the same
/// items, a filter neither understands is refused (API) or named in Chinese next to it (admin), and the counts per
/// state and per city are the actor's own.
/// </summary>
public abstract class StaffReadModelTests(AppFixture fixture)
{
    private const string Wuhan = "420100";
    private const string Huangshi = "420200";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_api_and_the_admin_list_answer_a_filter_with_the_same_items()
    {
        using var wuhan = await Staff.SignInAsync(fixture.App, Roles.CityContributor, Wuhan);
        using var huangshi = await Staff.SignInAsync(fixture.App, Roles.CityContributor, Huangshi);
        var word = "读模型" + Guid.NewGuid().ToString("N")[..6];
        var mine = await wuhan.Client.CreateAsync(new { kind = "story", title = $"武汉{word}", city = Wuhan });
        var submitted = await wuhan.Client.CreateAsync(new { kind = "story", title = "武汉已提交", city = Wuhan, body = $"正文里有{word}" });
        await wuhan.Client.PostAsync($"/api/manage/v1/content/{submitted}/submit");
        await huangshi.Client.CreateAsync(new { kind = "story", title = $"黄石{word}", city = Huangshi });

        var api = await wuhan.Client.GetOkAsync($"/api/manage/v1/content?q={Uri.EscapeDataString(word)}");
        var ids = api.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).Order().ToList();
        Assert.Equal([mine, submitted], ids);
        Assert.Equal(2, api.GetProperty("total").GetInt32());
        var drafts = await wuhan.Client.GetOkAsync($"/api/manage/v1/content?q={Uri.EscapeDataString(word)}&state=draft&kind=story");
        Assert.Equal([mine], drafts.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList());

        using var admin = await AdminSession.SignInAsync(fixture.App, wuhan.Email, Staff.Password);
        var page = await admin.GetStringAsync(new Uri($"/admin/content?q={Uri.EscapeDataString(" " + word + " ")}", UriKind.Relative), Ct);
        Assert.Contains($"/admin/content/{mine}\"", page, StringComparison.Ordinal);
        Assert.Contains($"/admin/content/{submitted}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"黄石{word}", page, StringComparison.Ordinal);
        var filtered = await admin.GetStringAsync(new Uri($"/admin/content?q={Uri.EscapeDataString(word)}&state=draft&kind=story", UriKind.Relative), Ct);
        Assert.Contains($"/admin/content/{mine}\"", filtered, StringComparison.Ordinal);
        Assert.DoesNotContain($"/admin/content/{submitted}\"", filtered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filter_not_understood_is_a_400_on_the_api_and_chinese_beside_it_in_the_admin()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var refused = await editor.Client.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Get, "/api/manage/v1/content?state=live&kind=blog&pageSize=500");
        var errors = refused.GetProperty("errors");
        Assert.Equal("state must be draft, submitted, approved, published or archived.", errors.GetProperty("state")[0].GetString());
        Assert.StartsWith("kind must be one of ", errors.GetProperty("kind")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("page must be ≥ 1 and pageSize from 1 to 200.", errors.GetProperty("page")[0].GetString());

        var title = "筛选" + Guid.NewGuid().ToString("N")[..6];
        var id = await editor.Client.CreateAsync(new { kind = "news", title });
        using var admin = await AdminSession.SignInAsync(fixture.App, editor.Email, Staff.Password);
        using var response = await admin.GetAsync(new Uri("/admin/content?state=live&kind=news", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("请选择列表中的状态。", page, StringComparison.Ordinal);
        // The filters it understood still apply: the news item is listed.
        Assert.Contains($"/admin/content/{id}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counts_per_state_and_per_city_are_the_actor_s_own()
    {
        using var wuhan = await Staff.SignInAsync(fixture.App, Roles.CityContributor, Wuhan);
        using var huangshi = await Staff.SignInAsync(fixture.App, Roles.CityContributor, Huangshi);
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var wuhanActor = new Actor(wuhan.User.Id, wuhan.Email, new HashSet<string>([Roles.CityContributor]), Wuhan);
        var editorActor = new Actor(editor.User.Id, editor.Email, new HashSet<string>([Roles.Editor]), null);

        using var scope = fixture.App.Services.CreateScope();
        var staff = scope.ServiceProvider.GetRequiredService<StaffContentQueries>();
        var wuhanBefore = await staff.CountsByStateAsync(wuhanActor, Ct);
        var allBefore = await staff.CountsByStateAsync(editorActor, Ct);
        var citiesBefore = await staff.CountsByCityAsync(editorActor, Ct);

        await wuhan.Client.CreateAsync(new { kind = "story", title = "武汉计数一", city = Wuhan });
        var second = await wuhan.Client.CreateAsync(new { kind = "story", title = "武汉计数二", city = Wuhan });
        await wuhan.Client.PostAsync($"/api/manage/v1/content/{second}/submit");
        await huangshi.Client.CreateAsync(new { kind = "story", title = "黄石计数", city = Huangshi });

        var wuhanAfter = await staff.CountsByStateAsync(wuhanActor, Ct);
        Assert.Equal(wuhanBefore.GetValueOrDefault(ContentState.Draft) + 1, wuhanAfter.GetValueOrDefault(ContentState.Draft));
        Assert.Equal(wuhanBefore.GetValueOrDefault(ContentState.Submitted) + 1, wuhanAfter.GetValueOrDefault(ContentState.Submitted));
        var allAfter = await staff.CountsByStateAsync(editorActor, Ct);
        Assert.Equal(allBefore.GetValueOrDefault(ContentState.Draft) + 2, allAfter.GetValueOrDefault(ContentState.Draft));

        var cities = await staff.CountsByCityAsync(editorActor, Ct);
        Assert.Equal(17, cities.Count);
        Assert.Equal(citiesBefore.Single(c => c.Code == Wuhan).Of(ContentState.Draft) + 1, cities.Single(c => c.Code == Wuhan).Of(ContentState.Draft));
        Assert.Equal(citiesBefore.Single(c => c.Code == Huangshi).Of(ContentState.Draft) + 1, cities.Single(c => c.Code == Huangshi).Of(ContentState.Draft));
        var own = Assert.Single(await staff.CountsByCityAsync(wuhanActor, Ct));
        Assert.Equal(Wuhan, own.Code);

        var queue = await staff.ReviewQueueAsync(wuhanActor, Ct);
        Assert.Contains(queue, r => r.Id == second);
        Assert.DoesNotContain(await staff.ReviewQueueAsync(new Actor(huangshi.User.Id, huangshi.Email, new HashSet<string>([Roles.CityContributor]), Huangshi), Ct), r => r.Id == second);
    }
}

public sealed class StaffReadModelSqliteTests(SqliteApp app) : StaffReadModelTests(app), IClassFixture<SqliteApp>;

public sealed class StaffReadModelPostgresTests(PostgresApp app) : StaffReadModelTests(app), IClassFixture<PostgresApp>;
