using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Tests.Infrastructure;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Tests.Workflow;

/// <summary>
/// The clock jumps (an NTP correction, a VM resumed) while the dispatcher runs: forward past one schedule, back before
/// it, then far ahead. Each scheduled publish and unpublish happens exactly once, none early, none lost.
/// </summary>
public abstract class ClockJumpTests(ClockedApp fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Schedules_fire_once_each_across_jumps_forward_and_back()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var start = DateTimeOffset.UtcNow;
        fixture.Time.Set(start);
        try
        {
            var first = await ScheduledAsync(editor.Client, start.AddMinutes(10));
            var second = await ScheduledAsync(editor.Client, start.AddMinutes(20));
            // The first is live already and goes off at +12 minutes.
            var leaving = await editor.Client.CreateAsync(new { kind = "news", title = "定时下线", body = "正文", slug = TestContent.UniqueSlug("leaving") });
            await editor.Client.PostAsync($"/api/manage/v1/content/{leaving}/publish");
            await editor.Client.PostAsync($"/api/manage/v1/content/{leaving}/unpublish", new { at = Iso(start.AddMinutes(12)) });

            // Forward past the first schedule and the unpublish, not the second.
            fixture.Time.Set(start.AddMinutes(15));
            await Eventually.TrueAsync(async () => await StateAsync(editor.Client, first) == "published"
                && await StateAsync(editor.Client, leaving) != "published", TimeSpan.FromSeconds(15));
            Assert.NotEqual("published", await StateAsync(editor.Client, second));

            // Back before all of them: nothing runs again, nothing is undone, the second still waits.
            fixture.Time.Set(start.AddMinutes(5));
            await Task.Delay(TimeSpan.FromSeconds(3), Ct);
            Assert.Equal("published", await StateAsync(editor.Client, first));
            Assert.NotEqual("published", await StateAsync(editor.Client, leaving));
            Assert.NotEqual("published", await StateAsync(editor.Client, second));

            // Far ahead: the second runs, once.
            fixture.Time.Set(start.AddDays(1));
            await Eventually.TrueAsync(async () => await StateAsync(editor.Client, second) == "published", TimeSpan.FromSeconds(15));
            await Task.Delay(TimeSpan.FromSeconds(2), Ct);

            await using var db = fixture.App.CreateContext();
            var publish = AuditActions.Key(AuditAction.Publish);
            var unpublish = AuditActions.Key(AuditAction.Unpublish);
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Target == $"content/{first}" && a.Action == publish, Ct));
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Target == $"content/{second}" && a.Action == publish, Ct));
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Target == $"content/{leaving}" && a.Action == unpublish, Ct));
        }
        finally
        {
            fixture.Time.Reset();
        }
    }

    private static string Iso(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private static async Task<int> ScheduledAsync(HttpClient editor, DateTimeOffset at)
    {
        var slug = TestContent.UniqueSlug("jump");
        var id = await editor.CreateAsync(new { kind = "news", title = "定时 " + slug, body = "正文", slug });
        await editor.PostAsync($"/api/manage/v1/content/{id}/publish", new { at = Iso(at) });
        return id;
    }

    private static async Task<string?> StateAsync(HttpClient editor, int id) => (await editor.GetOkAsync($"/api/manage/v1/content/{id}")).State();
}

public sealed class ClockJumpSqliteTests(ClockedSqliteApp app) : ClockJumpTests(app), IClassFixture<ClockedSqliteApp>;

public sealed class ClockJumpPostgresTests(ClockedPostgresApp app) : ClockJumpTests(app), IClassFixture<ClockedPostgresApp>;
