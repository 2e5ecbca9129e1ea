using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.ScaleOut;

/// <summary>
/// Redis configured but not running when two instances start: they start and serve on local caches with a warning,
/// and once Redis comes up they connect, subscribe to each other's signals and share again, without a restart.
/// </summary>
public sealed class LateRedisTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Instances_started_before_Redis_serve_degraded_then_share_once_it_is_up()
    {
        if (AppFixture.UnavailableReason(DatabaseProvider.PostgreSql) is { } reason)
            Assert.Skip(reason);
        await using var redis = RedisServer.Reserve();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        var settings = new Dictionary<string, string?> { ["Cms:Redis"] = redis.ConnectionString };
        await using var a = new CmsApp(database, settings);
        _ = a.Server;
        await using var b = new CmsApp(database, settings);
        _ = b.Server;

        foreach (var app in new[] { a, b })
        {
            using var home = await app.CreateClient().GetAsync(new Uri("/", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.Equal("Degraded", await Readiness.CheckAsync(app.CreateClient(), "redis"));
        }

        await redis.StartAgainAsync();
        foreach (var app in new[] { a, b })
            await Eventually.TrueAsync(async () => await Readiness.CheckAsync(app.CreateClient(), "redis") == "Healthy", TimeSpan.FromSeconds(30));

        // B's published model follows A's publish only through the signal B subscribed to once Redis was there.
        const string list = "/api/v1/content?kind=news";
        for (var n = 0; n < 2; n++)
            (await b.CreateClient().GetAsync(new Uri(list, UriKind.Relative), Ct)).Dispose();
        using var editor = await Staff.SignInAsync(a, Roles.Editor);
        var slug = TestContent.UniqueSlug("late-redis");
        var id = await editor.Client.CreateAsync(new { kind = "news", title = "迟到的 Redis " + slug, body = "正文", slug });
        await editor.Client.PostAsync($"/api/manage/v1/content/{id}/publish");
        await Eventually.TrueAsync(async () =>
        {
            var json = await b.CreateClient().GetFromJsonAsync<JsonElement>(new Uri(list, UriKind.Relative), Ct);
            return json.GetProperty("items")[0].GetProperty("slug").GetString() == slug;
        }, TimeSpan.FromSeconds(2));
    }
}
