using System.Net;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Campaign;

/// <summary>The compliance table through the API, on both providers: the office's only, every city's true state and counts.</summary>
public abstract class ComplianceTests(ClockedApp fixture)
{
    private const string Base = "/api/manage/v1/editions/13";

    [Fact]
    public async Task The_office_sees_every_city_s_true_state_and_a_city_gets_403()
    {
        const string wuhan = "420100", huangshi = "420200";
        using var clerk = await Staff.SignInAsync(fixture.App, Roles.CityContributor, wuhan);
        using var reviewer = await Staff.SignInAsync(fixture.App, Roles.Reviewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.Client.SendAsync(HttpMethod.Get, $"{Base}/compliance")).Status);

        // The seed's own published events count too: the table is read before and after.
        static System.Text.Json.JsonElement Row(System.Text.Json.JsonElement table, string city) =>
            table.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("city").GetProperty("code").GetString() == city);
        var before = await reviewer.Client.GetOkAsync($"{Base}/compliance");
        var heldBefore = Row(before, wuhan).GetProperty("events").GetProperty("held").GetInt32();
        var huangshiHeld = Row(before, huangshi).GetProperty("events").GetProperty("held").GetInt32();

        // 武汉 submits a day late with two events; one published event of its own is on the calendar.
        fixture.Time.SetBeijing(2019, 11, 14, 10, 0, 0);
        var scan = await CampaignData.FileAsync(fixture.App, wuhan, CampaignData.Pdf, "scan.pdf");
        await clerk.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Base}/plans/{wuhan}", new { fields = CampaignData.Plan(scan) });
        await clerk.Client.PostAsync($"{Base}/plans/{wuhan}/submit");
        await TestContent.AddAsync(fixture.App, TestContent.News(TestContent.UniqueSlug("event")) with
        {
            Kind = PatentWeek.Cms.Data.Content.ContentKind.Event, City = wuhan, Title = "武汉专利对接会",
            StartsAt = new DateTime(2019, 12, 2, 1, 0, 0, DateTimeKind.Utc),
        });

        var table = await reviewer.Client.GetOkAsync($"{Base}/compliance");
        var rows = table.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(17, rows.Count);
        var w = rows.Single(r => r.GetProperty("city").GetProperty("code").GetString() == wuhan);
        Assert.Equal("submitted", w.GetProperty("plan").GetProperty("status").GetString());
        Assert.True(w.GetProperty("plan").GetProperty("late").GetBoolean());
        Assert.Equal(heldBefore + 1, w.GetProperty("events").GetProperty("held").GetInt32());
        Assert.Equal(2, w.GetProperty("events").GetProperty("planned").GetInt32());
        Assert.Equal(1, w.GetProperty("events").GetProperty("required").GetInt32());
        Assert.Equal("missing", w.GetProperty("report").GetProperty("status").GetString());
        Assert.Equal(["总结报告"], w.GetProperty("owes").EnumerateArray().Select(o => o.GetString()!));

        var h = rows.Single(r => r.GetProperty("city").GetProperty("code").GetString() == huangshi);
        Assert.Equal("missing", h.GetProperty("plan").GetProperty("status").GetString());
        Assert.True(h.GetProperty("plan").GetProperty("overdue").GetBoolean());
        Assert.Equal(huangshiHeld, h.GetProperty("events").GetProperty("held").GetInt32());
        Assert.Equal(huangshiHeld >= 1 ? ["活动方案", "总结报告"] : ["活动方案", "主题活动 1 场", "总结报告"], h.GetProperty("owes").EnumerateArray().Select(o => o.GetString()!));

        var totals = table.GetProperty("totals");
        Assert.Equal(1, totals.GetProperty("plansIn").GetInt32());
        Assert.Equal(1, totals.GetProperty("plansLate").GetInt32());
        Assert.Equal(before.GetProperty("totals").GetProperty("eventsHeld").GetInt32() + 1, totals.GetProperty("eventsHeld").GetInt32());
        Assert.Equal(17, totals.GetProperty("eventsRequired").GetInt32());
        Assert.Equal(12, table.GetProperty("metrics").GetArrayLength());
    }
}

public sealed class ComplianceSqliteTests(ClockedSqliteApp app) : ComplianceTests(app), IClassFixture<ClockedSqliteApp>;

public sealed class CompliancePostgresTests(ClockedPostgresApp app) : ComplianceTests(app), IClassFixture<ClockedPostgresApp>;
