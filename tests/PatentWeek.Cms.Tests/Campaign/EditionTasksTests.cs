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
