using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Workflow;

/// <summary>
/// The dashboard's 待发布 queue is an editor's to-do list: approved items nobody has scheduled yet. A scheduled
/// one publishes itself and is left out; the content list's 已通过 filter (the same state rule) still shows both.
/// </summary>
public abstract class DashboardQueueTests(AppFixture fixture)
{
    private static readonly HtmlParser Parser = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_queue_to_publish_leaves_out_approved_items_already_scheduled()
    {
        var waiting = await TestContent.AddAsync(fixture.App, TestContent.News(TestContent.UniqueSlug("waiting"), ContentState.Approved) with { Title = "等编辑发布的新闻" });
        var scheduled = await TestContent.AddAsync(fixture.App, TestContent.News(TestContent.UniqueSlug("scheduled"), ContentState.Approved) with { Title = "已定时发布的新闻" });
        await using (var db = fixture.App.CreateContext())
        {
            var when = DateTime.UtcNow.AddDays(2);
            await db.ContentItems.Where(i => i.Id == scheduled.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.ScheduledPublishAt, when), Ct);
        }

        var editor = await Staff.CreateUserAsync(fixture.App, Roles.Editor);
        using var session = await AdminSession.SignInAsync(fixture.App, editor.Email!, Staff.Password);

        using var dashboard = Parser.ParseDocument(await session.GetStringAsync(new Uri("/admin", UriKind.Relative), Ct));
        var queue = dashboard.QuerySelectorAll("section.card").Single(s => s.QuerySelector("h2")?.TextContent == "待发布");
        var titles = queue.QuerySelectorAll("ul.rows a").Select(a => a.TextContent).ToList();
        Assert.Contains(waiting.Title, titles);
        Assert.DoesNotContain(scheduled.Title, titles);

        using var list = Parser.ParseDocument(await session.GetStringAsync(new Uri("/admin/content?state=approved", UriKind.Relative), Ct));
        var listed = list.QuerySelectorAll("table a").Select(a => a.TextContent).ToList();
        Assert.Contains(waiting.Title, listed);
        Assert.Contains(scheduled.Title, listed);
    }
}

public sealed class DashboardQueueSqliteTests(SqliteApp app) : DashboardQueueTests(app), IClassFixture<SqliteApp>;

public sealed class DashboardQueuePostgresTests(PostgresApp app) : DashboardQueueTests(app), IClassFixture<PostgresApp>;
