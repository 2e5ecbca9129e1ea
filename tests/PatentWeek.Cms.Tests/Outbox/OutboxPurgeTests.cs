using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Data.Outbox;
using PatentWeek.Cms.Outbox;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Outbox;

/// <summary>Finished outbox rows go after a week; rows still waiting, and recent history, stay.</summary>
public abstract class OutboxPurgeTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rows_finished_more_than_a_week_ago_are_deleted_and_the_rest_kept()
    {
        var now = DateTime.UtcNow;
        var old = now - OutboxPurger.Retention - TimeSpan.FromHours(1);
        var recent = now - TimeSpan.FromDays(1);
        var key = "purge-test/" + Guid.NewGuid().ToString("N");
        OutboxMessage Row(string name, DateTime? completed, DateTime? cancelled, DateTime? due = null) => new()
        {
            Type = "test.purge", Key = key, Payload = $"{{\"name\":\"{name}\"}}", CreatedAt = old - TimeSpan.FromDays(1),
            DueAt = due ?? old, CompletedAt = completed, CancelledAt = cancelled,
        };

        await using (var db = fixture.App.CreateContext())
        {
            db.OutboxMessages.AddRange(
                Row("old-completed", old, null),
                Row("old-cancelled", null, old),
                Row("recent-completed", recent, null),
                // A row that failed long ago and still waits for its retry is work, not history.
                Row("old-waiting", null, null, due: now + TimeSpan.FromDays(365)));
            await db.SaveChangesAsync(Ct);
        }

        var deleted = await fixture.App.Services.GetRequiredService<OutboxPurger>().PurgeAsync(Ct);

        await using (var db = fixture.App.CreateContext())
        {
            var left = (await db.OutboxMessages.AsNoTracking().Where(m => m.Key == key).Select(m => m.Payload).ToListAsync(Ct))
                .Select(p => p.Split('"')[3]).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(["old-waiting", "recent-completed"], left);
        }

        Assert.True(deleted >= 2, $"deleted {deleted} rows");
    }
}

public sealed class OutboxPurgeSqliteTests(SqliteApp app) : OutboxPurgeTests(app), IClassFixture<SqliteApp>;

public sealed class OutboxPurgePostgresTests(PostgresApp app) : OutboxPurgeTests(app), IClassFixture<PostgresApp>;
