using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Campaign;

/// <summary>
/// When a city's copy of a task is due and whether it came late, decided here only. A task is due until the end of its
/// due day in Beijing time (the notice's "11 月 13 日前" is read as "by the end of the 13th", as the office does), plus its
/// grace minutes; an extension replaces the due day for its city. Lateness is judged by the first submission, so a
/// return and a resubmission after the due time never make an on-time submission late.
/// </summary>
public static class Deadlines
{
    /// <summary>The last instant that is on time (UTC): 23:59:59.9999999 of the due day in Beijing plus the grace; the next tick is late.</summary>
    public static DateTime DueAt(CampaignTask task, string cityCode)
    {
        ArgumentNullException.ThrowIfNull(task);
        var day = DueOn(task, cityCode);
        return EndOf(day).AddMinutes(task.GraceMinutes);
    }

    /// <summary>The due day for the city: its extension's, else the task's.</summary>
    public static DateOnly DueOn(CampaignTask task, string cityCode)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Extensions.FirstOrDefault(x => x.CityCode == cityCode)?.DueOn ?? task.DueOn;
    }

    /// <summary>The first instant of the opening day in Beijing (UTC).</summary>
    public static DateTime OpensAt(CampaignTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return BeijingTime.ToUtc(task.OpensOn.ToDateTime(TimeOnly.MinValue));
    }

    /// <summary>Whether a first submission at <paramref name="firstSubmittedAt"/> is late against <paramref name="dueAt"/>.</summary>
    public static bool IsLate(DateTime? firstSubmittedAt, DateTime dueAt) => firstSubmittedAt is { } at && at > dueAt;

    /// <summary>Whether nothing was submitted and the due time has passed: the city is overdue.</summary>
    public static bool IsOverdue(DateTime? firstSubmittedAt, DateTime dueAt, DateTime now) => firstSubmittedAt is null && now > dueAt;

    private static DateTime EndOf(DateOnly day) => BeijingTime.ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue)).AddTicks(-1);
}
