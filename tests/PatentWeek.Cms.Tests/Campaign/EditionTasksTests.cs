using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Content.Import;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Campaign;

/// <summary>The office's extension of one city's deadline, and a new edition starting from the previous one's tasks, on both providers.</summary>
public abstract class EditionTasksTests(ClockedApp fixture)
{
    private const string Base = "/api/manage/v1/editions/13";
    private static readonly string[] NoCity = ["999999"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_extension_moves_one_city_s_due_time_with_its_reason_and_is_audited()
    {
        const string city = "429004";
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        using var reviewer = await Staff.SignInAsync(fixture.App, Roles.Reviewer);
        using var clerk = await Staff.SignInAsync(fixture.App, Roles.CityContributor, city);
        var url = $"{Base}/plans/{city}/extension";

        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.Client.SendAsync(HttpMethod.Post, url, new { dueOn = "2019-11-20", reason = "汛期" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.Client.SendAsync(HttpMethod.Post, url, new { dueOn = "2019-11-20", reason = "汛期" })).Status);
        var earlier = await editor.Client.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, url, new { dueOn = "2019-11-10", reason = " " });
        Assert.Equal(new HashSet<string> { "dueOn", "reason" }, earlier.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet());
        Assert.Equal(HttpStatusCode.NotFound, (await editor.Client.SendAsync(HttpMethod.Post, $"{Base}/plans/999999/extension", new { dueOn = "2019-11-20", reason = "x" })).Status);

        var granted = await editor.Client.PostAsync(url, new { dueOn = "2019-11-20", reason = "汛期" });
        Assert.Equal("2019-11-20T23:59:59.9999999+08:00", granted.GetProperty("dueAt").GetString());
        Assert.Equal("2019-11-20T23:59:59.9999999+08:00", (await clerk.Client.GetOkAsync($"{Base}/plans/{city}")).GetProperty("dueAt").GetString());
        // Other cities keep the task's own day.
        Assert.Equal("2019-11-13T23:59:59.9999999+08:00", (await editor.Client.GetOkAsync($"{Base}/plans/429005")).GetProperty("dueAt").GetString());

        fixture.Time.SetBeijing(2019, 11, 18, 10, 0, 0);
        var scan = await CampaignData.FileAsync(fixture.App, city, CampaignData.Pdf, "scan.pdf");
        await clerk.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Base}/plans/{city}", new { fields = CampaignData.Plan(scan) });
        Assert.False((await clerk.Client.PostAsync($"{Base}/plans/{city}/submit")).GetProperty("late").GetBoolean());

        await using var db = fixture.App.CreateContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "deadline.extend" && a.Target == $"plan/13/{city}", Ct);
        Assert.Contains("2019-11-13 → 2019-11-20", entry.Detail, StringComparison.Ordinal);
        Assert.Contains("汛期", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrators_set_a_task_and_the_metrics_and_nobody_else_does()
    {
        using var admin = await Staff.SignInAsync(fixture.App, Roles.Administrator);
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var before = (await admin.Client.GetOkAsync($"{Base}/tasks")).GetProperty("items")[1];
        var cities = before.GetProperty("cities").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.Client.SendAsync(HttpMethod.Put, $"{Base}/tasks/report", new { opensOn = "2019-11-30", dueOn = "2019-12-12", cities })).Status);

        var bad = await admin.Client.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Put, $"{Base}/tasks/report",
            new { opensOn = "2019-12-20", dueOn = "2019-12-12", graceMinutes = -1, titlePattern = "总结报告", cities = NoCity });
        Assert.Equal(new HashSet<string> { "dueOn", "graceMinutes", "titlePattern", "cities" }, bad.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet());

        var set = await admin.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Base}/tasks/report",
            new { opensOn = "2019-11-30", dueOn = "2019-12-15", graceMinutes = 30, titlePattern = "{city}第{edition}届中国专利周活动总结报告", cities });
        Assert.Equal("2019-12-16T00:29:59.9999999+08:00", set.GetProperty("dueAt").GetString());
        Assert.Equal("2019-12-16T00:29:59.9999999+08:00", (await admin.Client.GetOkAsync($"{Base}/reports/420100")).GetProperty("dueAt").GetString());
        await admin.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Base}/tasks/report",
            new { opensOn = "2019-11-30", dueOn = "2019-12-12", graceMinutes = 0, titlePattern = "{city}第{edition}届中国专利周活动总结报告", cities });

        var metrics = (await editor.Client.GetOkAsync($"{Base}/metrics")).GetProperty("items").EnumerateArray()
            .Select(m => new { key = m.GetProperty("key").GetString(), label = m.GetProperty("label").GetString(), unit = m.GetProperty("unit").GetString(),
                decimals = m.GetProperty("decimals").GetInt32(), prefill = m.TryGetProperty("prefill", out var p) && p.ValueKind == System.Text.Json.JsonValueKind.String ? p.GetString() : null,
                onDashboard = m.GetProperty("onDashboard").GetBoolean() }).ToList();
        Assert.Equal(12, metrics.Count);
        var added = metrics.Append(new { key = (string?)"trainings", label = (string?)"培训人次", unit = (string?)"人次", decimals = 0, prefill = (string?)null, onDashboard = false }).ToList();
        var saved = await admin.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Base}/metrics", added);
        Assert.Equal("trainings", saved.GetProperty("items")[12].GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.Client.SendAsync(HttpMethod.Put, $"{Base}/metrics", added)).Status);
        var duplicate = await admin.Client.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Put, $"{Base}/metrics",
            added.Append(new { key = (string?)"trainings", label = (string?)"x", unit = (string?)"次", decimals = 3, prefill = (string?)"magic", onDashboard = false }).ToList());
        Assert.Equal(new HashSet<string> { "[13].key", "[13].decimals", "[13].prefill" }, duplicate.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet());
        // Removing an unused metric is fine; the edition is back as it was.
        await admin.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Base}/metrics", metrics);
        Assert.Equal(12, (await editor.Client.GetOkAsync($"{Base}/metrics")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_new_edition_without_deadlines_starts_from_the_previous_edition_s_tasks_with_the_dates_moved()
    {
        var folder = Directory.CreateTempSubdirectory("pw-edition-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "editions.yml"), """
                - number: 14
                  year: 2020
                  slogan: 知识产权促进创新发展
                  weekStart: 2020-11-28
                  weekEnd: 2020-12-04
                  theme: default
                """, Ct);
            await using (var scope = fixture.App.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(folder, includeSamples: false, cancellationToken: Ct);

            await using var db = fixture.App.CreateContext();
            var fourteenth = await db.Editions.Include(e => e.Tasks).Include(e => e.Metrics).SingleAsync(e => e.Number == 14, Ct);
            var plan = fourteenth.Tasks.Single(t => t.Kind == SubmissionKind.Plan);
            Assert.Equal(new DateOnly(2020, 11, 11), plan.DueOn);
            Assert.Equal(new DateOnly(2020, 10, 30), plan.OpensOn);
            Assert.Equal(new DateOnly(2020, 12, 10), fourteenth.Tasks.Single(t => t.Kind == SubmissionKind.Report).DueOn);
            Assert.Equal(17, plan.CityCodes.Count);
            Assert.Equal(12, fourteenth.Metrics.Count);
            using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
            Assert.Equal("第十四届中国专利周武汉市活动方案", (await editor.Client.GetOkAsync("/api/manage/v1/editions/14/plans/420100")).GetProperty("title").GetString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class EditionTasksSqliteTests(ClockedSqliteApp app) : EditionTasksTests(app), IClassFixture<ClockedSqliteApp>;

public sealed class EditionTasksPostgresTests(ClockedPostgresApp app) : EditionTasksTests(app), IClassFixture<ClockedPostgresApp>;
