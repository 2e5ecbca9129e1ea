using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Site;

/// <summary>
/// The events calendar (/event): the 13th edition's week (2019-11-30 to 12-06) by day in Beijing time, the events
/// outside it before and after, each with time, place, organiser, type and city; filters by city and type kept in the
/// form; unknown filter values ignored with a note.
/// </summary>
public abstract class EventCalendarTests(AppFixture fixture)
{
    private const string Wuhan = "420100";
    private const string Xiangyang = "420600";
    private static readonly HtmlParser Parser = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<IDocument> PageAsync(string url)
    {
        using var response = await fixture.Client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync(Ct), Ct);
    }

    private static IElement Day(IDocument page, string id) =>
        page.QuerySelector($"section[aria-labelledby='{id}']") ?? throw new Xunit.Sdk.XunitException($"no section {id}");

    private static ContentFields Event(string slug, string city, DateTime startsUtc, DateTime? endsUtc, string type) => new()
    {
        Kind = ContentKind.Event, Edition = 13, Title = "日程测试 " + slug, Slug = slug, Body = "正文", City = city,
        State = ContentState.Published, PublishedAt = new DateTime(2019, 11, 20, 0, 0, 0, DateTimeKind.Utc),
        StartsAt = startsUtc, EndsAt = endsUtc,
        Texts = TextValues.From(f => f == TextFields.EventType ? type : f == TextFields.Organiser ? "测试主办单位" : f == TextFields.Location ? "测试地点" : null),
    };

    [Fact]
    public async Task The_week_is_shown_by_day_with_each_event_s_time_place_organiser_type_and_city()
    {
        var page = await PageAsync("/event");
        Assert.Equal("活动日程 - 第十三届中国专利周", page.Title);
        Assert.Equal(["首页", "活动日程"], page.QuerySelectorAll(".crumbs li").Select(li => li.TextContent.Trim()));
        Assert.Equal("/", page.QuerySelector(".crumbs a")?.GetAttribute("href"));
        var days = page.QuerySelectorAll("section.calendar-day h2 time").Select(t => t.GetAttribute("datetime")).ToList();
        Assert.Equal(["2019-11-30", "2019-12-01", "2019-12-02", "2019-12-03", "2019-12-04", "2019-12-05", "2019-12-06"], days);
        Assert.Equal("11月30日 星期六", Day(page, "day-2019-11-30").QuerySelector("h2")?.TextContent.Trim());

        var wuhan = Day(page, "day-2019-12-01").QuerySelectorAll(".calendar-event").Single(e => e.TextContent.Contains("武汉市知识产权服务供需对接会", StringComparison.Ordinal));
        Assert.Equal("09:00–12:00", wuhan.QuerySelector(".calendar-time")?.TextContent.Trim());
        Assert.Equal("对接", wuhan.QuerySelector(".event-type")?.TextContent);
        Assert.Equal("武汉市", wuhan.QuerySelector(".event-city")?.TextContent);
        Assert.Equal("某会议中心（示例地点）", wuhan.QuerySelector(".event-location")?.TextContent);
        Assert.Equal("武汉市知识产权局（示例主办单位）", wuhan.QuerySelector(".event-organiser")?.TextContent);
        Assert.Equal("/event/sample-wuhan-service-matchmaking", wuhan.QuerySelector("h3 a")?.GetAttribute("href"));
        Assert.Contains("十堰市专利实务培训班", Day(page, "day-2019-12-03").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("十堰市专利实务培训班", Day(page, "day-2019-12-01").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Days_are_Beijing_days_empty_days_say_so_and_events_outside_the_week_come_before_and_after()
    {
        // 07:30 in Beijing on 2 December is still 1 December in UTC.
        var early = TestContent.UniqueSlug("cal-early");
        await TestContent.AddAsync(fixture.App, Event(early, Xiangyang, new DateTime(2019, 12, 1, 23, 30, 0, DateTimeKind.Utc), new DateTime(2019, 12, 2, 1, 0, 0, DateTimeKind.Utc), "publicity"));
        var before = TestContent.UniqueSlug("cal-before");
        await TestContent.AddAsync(fixture.App, Event(before, Xiangyang, new DateTime(2019, 11, 20, 1, 0, 0, DateTimeKind.Utc), null, "other"));
        var after = TestContent.UniqueSlug("cal-after");
        await TestContent.AddAsync(fixture.App, Event(after, Xiangyang, new DateTime(2019, 12, 20, 1, 0, 0, DateTimeKind.Utc), null, "other"));

        var page = await PageAsync($"/event?city={Xiangyang}");
        var onSecond = Day(page, "day-2019-12-02").QuerySelectorAll(".calendar-event").Single(e => e.TextContent.Contains(early, StringComparison.Ordinal));
        Assert.Equal("07:30–09:00", onSecond.QuerySelector(".calendar-time")?.TextContent.Trim());
        Assert.Equal("宣讲", onSecond.QuerySelector(".event-type")?.TextContent);
        Assert.DoesNotContain(early, Day(page, "day-2019-12-01").TextContent, StringComparison.Ordinal);
        Assert.Contains("当天暂无符合条件的活动。", Day(page, "day-2019-12-01").TextContent, StringComparison.Ordinal);
        Assert.Contains(before, Day(page, "day-before").TextContent, StringComparison.Ordinal);
        Assert.Contains("11月20日 09:00", Day(page, "day-before").TextContent, StringComparison.Ordinal);
        Assert.Contains(after, Day(page, "day-after").TextContent, StringComparison.Ordinal);
        var all = page.QuerySelector("section.calendar")!.TextContent;
        Assert.True(all.IndexOf(before, StringComparison.Ordinal) < all.IndexOf(early, StringComparison.Ordinal)
            && all.IndexOf(early, StringComparison.Ordinal) < all.IndexOf(after, StringComparison.Ordinal), "before, the week, after");
    }

    [Fact]
    public async Task Filters_by_city_and_type_are_kept_in_the_form()
    {
        var page = await PageAsync($"/event?city={Wuhan}&type=matchmaking");
        var text = page.QuerySelector("section.calendar")!.TextContent;
        Assert.Contains("武汉市知识产权服务供需对接会", text, StringComparison.Ordinal);
        Assert.DoesNotContain("仙桃市知识产权质押融资项目对接会", text, StringComparison.Ordinal);
        Assert.DoesNotContain("十堰市专利实务培训班", text, StringComparison.Ordinal);
        var form = page.QuerySelector("form.calendar-filter")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/event", form.GetAttribute("action"));
        Assert.Equal(Wuhan, form.QuerySelector("select[name='city'] option[selected]")?.GetAttribute("value"));
        Assert.Equal("matchmaking", form.QuerySelector("select[name='type'] option[selected]")?.GetAttribute("value"));
        Assert.Equal(17, form.QuerySelectorAll("select[name='city'] option").Count(o => o.GetAttribute("value") is { Length: 6 }));
        Assert.Equal(EventTypes.All.Select(t => t.Label), form.QuerySelectorAll("select[name='type'] option").Skip(1).Select(o => o.TextContent));

        var training = await PageAsync("/event?type=training");
        var trainingText = training.QuerySelector("section.calendar")!.TextContent;
        Assert.Contains("十堰市专利实务培训班", trainingText, StringComparison.Ordinal);
        Assert.DoesNotContain("武汉市知识产权服务供需对接会", trainingText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_filter_values_are_ignored_with_a_note_and_other_parameters_change_nothing()
    {
        var page = await PageAsync("/event?city=999999&type=party&from=singlemessage");
        var notes = page.QuerySelectorAll(".notice").Select(n => n.TextContent).ToList();
        Assert.Contains("没有这个市州，已显示全部市州的活动。", notes);
        Assert.Contains("没有这种活动类型，已显示全部类型的活动。", notes);
        var text = page.QuerySelector("section.calendar")!.TextContent;
        Assert.Contains("武汉市知识产权服务供需对接会", text, StringComparison.Ordinal);
        Assert.Contains("十堰市专利实务培训班", text, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("select[name='city'] option[selected]"));
    }

    [Fact]
    public async Task An_older_edition_has_its_calendar_and_an_unknown_edition_is_a_404_page()
    {
        var thirteen = await PageAsync("/13/event");
        Assert.Equal("活动日程 - 第十三届中国专利周", thirteen.Title);
        using var missing = await fixture.Client.GetAsync(new Uri("/99/event", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_published_event_appears_on_the_cached_calendar()
    {
        var first = await PageAsync($"/event?city={Wuhan}");
        var slug = TestContent.UniqueSlug("cal-new");
        Assert.DoesNotContain(slug, first.Body!.TextContent, StringComparison.Ordinal);
        await TestContent.AddAsync(fixture.App, Event(slug, Wuhan, new DateTime(2019, 12, 4, 2, 0, 0, DateTimeKind.Utc), null, "trading"));
        await Eventually.TrueAsync(async () =>
            (await fixture.Client.GetStringAsync(new Uri($"/event?city={Wuhan}", UriKind.Relative), Ct)).Contains(slug, StringComparison.Ordinal), TimeSpan.FromSeconds(5));
    }
}

public sealed class EventCalendarSqliteTests(SqliteApp app) : EventCalendarTests(app), IClassFixture<SqliteApp>;

public sealed class EventCalendarPostgresTests(PostgresApp app) : EventCalendarTests(app), IClassFixture<PostgresApp>;
