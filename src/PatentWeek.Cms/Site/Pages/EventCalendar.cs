using System.Globalization;
using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Delivery;

namespace PatentWeek.Cms.Site.Pages;

/// <summary>
/// The events calendar (活动日程) of an edition's campaign week: its events by day in Beijing time, from the week's
/// start to its end (an empty day says so), the ones outside the week before and after it, filtered by city and
/// type through a plain GET form. An unknown city or type is not an error a visitor can fix by hand: the filter is
/// ignored and the page says so, and the rest of the page stays as useful as without it.
/// </summary>
public static class EventCalendar
{
    /// <summary>The query parameters the page reads (the cache varies by these only, once the caching stream says so).</summary>
    public static readonly IReadOnlyList<string> QueryKeys = ["city", "type"];

    // Every event of an edition fits one query: a campaign week has some dozens per city.
    private const int MaxEvents = 2000;

    private static readonly string[] Weekdays = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

    /// <summary>Literal routes, so they win over a kind's list at <c>/{kind}</c>.</summary>
    public static IEndpointRouteBuilder MapEventCalendar(this IEndpointRouteBuilder site)
    {
        site.MapGet("/event", CurrentEdition);
        site.MapGet("/{edition:int}/event", OfEdition);
        return site;
    }

    private static async Task<IResult> CurrentEdition(string? city, string? type, SitePageRenderer pages, HttpContext http, CancellationToken cancellationToken) =>
        await PageAsync(city, type, pages, http, cancellationToken);

    private static async Task<IResult> OfEdition(int edition, string? city, string? type, SitePageRenderer pages, HttpContext http, CancellationToken cancellationToken) =>
        await PageAsync(city, type, pages, http, cancellationToken);

    private static async Task<IResult> PageAsync(string? city, string? type, SitePageRenderer pages, HttpContext http, CancellationToken cancellationToken)
    {
        CacheTags.Add(http, CacheTags.KindList(ContentKind.Event.ToString().ToLowerInvariant()));
        var queries = pages.Queries;
        if (await pages.EditionAsync(http, cancellationToken) is not { } edition)
            return await pages.NotFoundAsync(http, null);

        var cities = await queries.CitiesAsync(cancellationToken);
        var notes = new List<string>();
        var cityAsked = Blank(city);
        var chosenCity = cityAsked is null ? null : cities.FirstOrDefault(c => c.Code == cityAsked);
        if (cityAsked is not null && chosenCity is null)
            notes.Add("没有这个市州，已显示全部市州的活动。");
        var typeAsked = Blank(type);
        var chosenType = typeAsked is null ? null : EventTypes.All.FirstOrDefault(t => t.Code == typeAsked);
        if (typeAsked is not null && chosenType is null)
            notes.Add("没有这种活动类型，已显示全部类型的活动。");
        if (chosenCity is not null)
            CacheTags.Add(http, CacheTags.City(chosenCity.Code));

        var listed = await queries.ListAsync(
            edition, new ContentFilter(null, ContentKind.Event, chosenCity?.Code, null, 1, MaxEvents), cancellationToken: cancellationToken);
        var events = listed.Items.Where(e => chosenType is null || e.Event?.Type == chosenType.Code).ToList();

        var document = new SiteDocument(
            "活动日程",
            $"第{edition.Number}届中国专利周活动日程：{Day(edition.WeekStart)}至{Day(edition.WeekEnd)}各市州的活动，可按市州和活动类型筛选。",
            SiteDocument.Prefix(edition) + "/event")
        {
            Crumbs = SiteDocument.From(edition, new CrumbDto("活动日程", null)),
        };
        return await pages.PageAsync(http, edition, "events", document, new() { ["calendar"] = Build(edition, events, cities, chosenCity, chosenType, notes) });
    }

    /// <summary>Sorts the events into the week's days (an event spanning days is on each), before the week, after it, or undated.</summary>
    public static CalendarDto Build(
        Edition edition, IReadOnlyList<ContentSummaryDto> events, IReadOnlyList<CityDto> cities, CityDto? city, FieldChoice? type, IReadOnlyList<string> notes)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(events);
        var days = new List<CalendarDayDto>();
        for (var day = edition.WeekStart; day <= edition.WeekEnd; day = day.AddDays(1))
        {
            var on = events.Where(e => e.Event?.StartsAt is { } start && DateOnly.FromDateTime(start.DateTime) <= day
                && DateOnly.FromDateTime((e.Event.EndsAt ?? start).DateTime) >= day).Select(e => Entry(e, day)).ToList();
            days.Add(new CalendarDayDto(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), $"{Day(day)} {Weekdays[(int)day.DayOfWeek]}", on));
        }

        var before = events.Where(e => e.Event?.StartsAt is { } start && DateOnly.FromDateTime((e.Event.EndsAt ?? start).DateTime) < edition.WeekStart)
            .Select(e => Entry(e, null)).ToList();
        var after = events.Where(e => e.Event?.StartsAt is { } start && DateOnly.FromDateTime(start.DateTime) > edition.WeekEnd)
            .Select(e => Entry(e, null)).ToList();
        var undated = events.Where(e => e.Event?.StartsAt is null).Select(e => Entry(e, null)).ToList();
        var path = edition.IsCurrent ? "/event" : $"/{edition.Number}/event";
        return new CalendarDto(
            path, Day(edition.WeekStart), Day(edition.WeekEnd), days, before, after, undated, events.Count,
            [.. cities.Select(c => new FilterOptionDto(c.Code, c.Name, c.Code == city?.Code))],
            [.. EventTypes.All.Select(t => new FilterOptionDto(t.Code, t.Label, t.Code == type?.Code))],
            city?.Name, type?.Label, notes);
    }

    /// <summary>An event's time as the calendar shows it: the hours on a day of the week, the whole span elsewhere.</summary>
    private static CalendarEventDto Entry(ContentSummaryDto item, DateOnly? day)
    {
        var (start, end) = (item.Event?.StartsAt, item.Event?.EndsAt);
        string time;
        if (start is null)
            time = "时间待定";
        else if (day is { } d && DateOnly.FromDateTime(start.Value.DateTime) == d && (end is null || DateOnly.FromDateTime(end.Value.DateTime) == d))
            time = end is null ? Clock(start.Value) : $"{Clock(start.Value)}–{Clock(end.Value)}";
        else
            time = end is null ? $"{Day(start.Value)} {Clock(start.Value)}" : $"{Day(start.Value)} {Clock(start.Value)}–{Day(end.Value)} {Clock(end.Value)}";
        return new CalendarEventDto(item, time, start?.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));
    }

    private static string Clock(DateTimeOffset t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Day(DateOnly d) => $"{d.Month}月{d.Day}日";

    private static string Day(DateTimeOffset t) => $"{t.Month}月{t.Day}日";

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The calendar page's model: the week's days, the events outside it, and the filter form's choices.</summary>
public sealed record CalendarDto(
    string Path,
    string WeekStart,
    string WeekEnd,
    IReadOnlyList<CalendarDayDto> Days,
    IReadOnlyList<CalendarEventDto> Before,
    IReadOnlyList<CalendarEventDto> After,
    IReadOnlyList<CalendarEventDto> Undated,
    int Total,
    IReadOnlyList<FilterOptionDto> Cities,
    IReadOnlyList<FilterOptionDto> Types,
    string? CityName,
    string? TypeLabel,
    IReadOnlyList<string> Notes)
{
    public bool Filtered => CityName is not null || TypeLabel is not null;
}

/// <summary>One day of the week (Beijing time), with the events on it.</summary>
public sealed record CalendarDayDto(string Date, string Label, IReadOnlyList<CalendarEventDto> Events);

/// <summary>An event on the calendar with its time as text (start–end) and its start for a time element.</summary>
public sealed record CalendarEventDto(ContentSummaryDto Item, string Time, string? StartIso);

/// <summary>One option of a filter's select.</summary>
public sealed record FilterOptionDto(string Value, string Label, bool Selected);
