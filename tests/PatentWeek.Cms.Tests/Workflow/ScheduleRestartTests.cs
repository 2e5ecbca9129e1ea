using System.Net;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Workflow;

/// <summary>A scheduled publish survives a restart: its time passes while no server runs, and it fires at once on the next start.</summary>
public abstract class ScheduleRestartTests(DatabaseProvider provider)
{
    [Fact]
    public async Task A_publish_due_while_the_server_was_down_fires_at_the_next_start()
    {
        if (AppFixture.UnavailableReason(provider) is { } reason)
            Assert.Skip(reason);
        await using var database = await TestDatabase.CreateAsync(provider);
        var slug = "restart-" + Guid.NewGuid().ToString("N")[..6];

        await using (var app = new CmsApp(database))
        {
            using var editor = await Staff.SignInAsync(app, Roles.Editor);
            var id = await editor.Client.CreateAsync(new { kind = "news", title = "重启后发布", slug });
            var at = DateTimeOffset.UtcNow.AddSeconds(3).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            var scheduled = await editor.Client.PostAsync($"/api/manage/v1/content/{id}/publish", new { at });
            Assert.Equal("draft", scheduled.State());
        }

        // The server is down when the publish falls due.
        await Task.Delay(TimeSpan.FromSeconds(4), TestContext.Current.CancellationToken);

        await using (var app = new CmsApp(database))
        {
            using var client = app.CreateClient();
            var started = DateTime.UtcNow;
            await Eventually.TrueAsync(async () => (await client.GetAsync(new Uri($"/api/v1/content/news/{slug}", UriKind.Relative))).StatusCode == HttpStatusCode.OK,
                TimeSpan.FromSeconds(5));
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(3), "fired promptly after the restart");
        }
    }
}

public sealed class ScheduleRestartSqliteTests() : ScheduleRestartTests(DatabaseProvider.Sqlite);

public sealed class ScheduleRestartPostgresTests() : ScheduleRestartTests(DatabaseProvider.PostgreSql);
