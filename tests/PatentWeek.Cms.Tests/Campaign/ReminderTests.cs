using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Campaign.Reminders;
using PatentWeek.Cms.Outbox;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Campaign;

/// <summary>Reminders on both providers: on the mornings before a due day and after a missed one, once each, only to cities that owe; and the office's button.</summary>
public abstract class ReminderTests(ClockedApp fixture)
{
    private static readonly string[] Ezhou = ["420700"], NoCity = ["999999"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task RunJobAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetServices<IOutboxHandler>().Single(h => h.Type == ReminderJob.Type);
        var result = await job.HandleAsync("{}", Ct);
        Assert.NotNull(result.RunAgainAt);
    }

    private async Task<List<string>> MessagesAsync(string userId)
    {
        await using var db = fixture.App.CreateContext();
        return await db.Notifications.Where(n => n.UserId == userId && n.Key != null).OrderBy(n => n.Id).Select(n => n.Message).ToListAsync(Ct);
    }

    [Fact]
    public async Task A_city_that_owes_is_reminded_before_and_after_the_due_day_once_each()
    {
        var owing = await Staff.CreateUserAsync(fixture.App, Roles.CityContributor, "420500");
        var done = await Staff.CreateUserAsync(fixture.App, Roles.CityContributor, "420600");
        using (var clerk = await Staff.SignInAsync(fixture.App, Roles.CityContributor, "420600"))
        {
            fixture.Time.SetBeijing(2019, 11, 5, 9, 0, 0);
            var scan = await CampaignData.FileAsync(fixture.App, "420600", CampaignData.Pdf, "scan.pdf");
            await clerk.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, "/api/manage/v1/editions/13/plans/420600", new { fields = CampaignData.Plan(scan) });
            await clerk.Client.PostAsync("/api/manage/v1/editions/13/plans/420600/submit");
        }

        // Before 09:00 three days ahead: nothing yet.
        fixture.Time.SetBeijing(2019, 11, 10, 8, 59, 0);
        await RunJobAsync();
        Assert.Empty(await MessagesAsync(owing.Id));

        fixture.Time.SetBeijing(2019, 11, 10, 9, 30, 0);
        await RunJobAsync();
        await RunJobAsync();
        var three = Assert.Single(await MessagesAsync(owing.Id));
        Assert.Contains("还剩 3 天", three, StringComparison.Ordinal);
        Assert.Contains("第十三届中国专利周宜昌市活动方案", three, StringComparison.Ordinal);

        fixture.Time.SetBeijing(2019, 11, 12, 10, 0, 0);
        await RunJobAsync();
        fixture.Time.SetBeijing(2019, 11, 14, 9, 5, 0);
        await RunJobAsync();
        await RunJobAsync();
        var all = await MessagesAsync(owing.Id);
        Assert.Equal(3, all.Count);
        Assert.Contains("还剩 1 天", all[1], StringComparison.Ordinal);
        Assert.Contains("宜昌市尚未提交", all[2], StringComparison.Ordinal);
        Assert.Empty(await MessagesAsync(done.Id));
    }

    [Fact]
    public async Task The_office_reminds_one_city_or_all_that_owe_and_a_city_cannot()
    {
        var target = await Staff.CreateUserAsync(fixture.App, Roles.CityContributor, "420700");
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        using var reviewer = await Staff.SignInAsync(fixture.App, Roles.Reviewer);
        using var city = await Staff.SignInAsync(fixture.App, Roles.CityContributor, "420700");
        fixture.Time.SetBeijing(2019, 11, 20, 10, 0, 0);

        var one = await editor.Client.PostAsync("/api/manage/v1/editions/13/reminders", new { cities = Ezhou });
        Assert.Equal(["420700"], one.GetProperty("cities").EnumerateArray().Select(c => c.GetString()!));
        var messages = await MessagesAsync(target.Id);
        Assert.Equal(2, messages.Count(m => m.StartsWith("省局提醒", StringComparison.Ordinal)));

        var all = await editor.Client.PostAsync("/api/manage/v1/editions/13/reminders", new { });
        Assert.True(all.GetProperty("cities").GetArrayLength() >= 15);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.Client.SendAsync(HttpMethod.Post, "/api/manage/v1/editions/13/reminders", new { })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await city.Client.SendAsync(HttpMethod.Post, "/api/manage/v1/editions/13/reminders", new { })).Status);
        var unknown = await editor.Client.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/manage/v1/editions/13/reminders", new { cities = NoCity });
        Assert.True(unknown.GetProperty("errors").TryGetProperty("cities", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.Client.SendAsync(HttpMethod.Post, "/api/manage/v1/editions/99/reminders", new { })).Status);
    }
}

public sealed class ReminderSqliteTests(ClockedSqliteApp app) : ReminderTests(app), IClassFixture<ClockedSqliteApp>;

public sealed class ReminderPostgresTests(ClockedPostgresApp app) : ReminderTests(app), IClassFixture<ClockedPostgresApp>;
