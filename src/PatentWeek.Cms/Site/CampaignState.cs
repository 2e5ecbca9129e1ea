using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Site;

/// <summary>
/// Where the campaign week stands on a Beijing calendar day: 距开幕 N 天, 进行中 · 第 N 天 or 已结束. The page's
/// script (<c>assets/campaign-state.js</c>) counts the same way in the reader's browser, so a cached page stays right;
/// this is the text a reader without script sees.
/// </summary>
public static class CampaignState
{
    public static string On(DateOnly today, DateOnly weekStart, DateOnly weekEnd) =>
        today < weekStart ? $"距开幕 {weekStart.DayNumber - today.DayNumber} 天"
        : today <= weekEnd ? $"进行中 · 第 {today.DayNumber - weekStart.DayNumber + 1} 天"
        : "已结束";

    public static string Now(TimeProvider time, DateOnly weekStart, DateOnly weekEnd) =>
        On(DateOnly.FromDateTime(BeijingTime.Now(time).DateTime), weekStart, weekEnd);
}
