using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Campaign.Reminders;

/// <summary>A reminder a city is owed at a time: its stable name (for once-only delivery) and its words.</summary>
public sealed record Reminder(string Key, DateTime At, string Message);

/// <summary>
/// When a city that has not handed in a task is reminded, decided here only: at 09:00 Beijing time on each configured
/// day before its due day (3 and 1 by default), and at 09:00 on the morning after a missed due day. A reminder is sent
/// within a day of its time (a server that was down sends it when it is back, not weeks later).
/// </summary>
public static class ReminderPlan
{
    public static readonly TimeOnly Morning = new(9, 0);
    public static readonly TimeSpan Window = TimeSpan.FromDays(1);

    public static IEnumerable<Reminder> For(SubmissionSlot slot, IReadOnlyList<int> daysBefore)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(daysBefore);
        var due = Deadlines.DueOn(slot.Task, slot.City.Code);
        var what = SubmissionLifecycle.Label(slot.Kind);
        var dueText = $"{due:yyyy年M月d日}";
        foreach (var days in daysBefore.Where(d => d > 0).Distinct().OrderDescending())
            yield return new(Key(slot, $"before-{days}", due), At(due.AddDays(-days)), $"提醒：{slot.Title}将于 {dueText} 24 时截止，还剩 {days} 天，请按时提交。");
        yield return new(Key(slot, "missed", due), At(due.AddDays(1)), $"{what}已于 {dueText} 截止，{slot.City.Name}尚未提交，请尽快报送：{slot.Title}。");
    }

    /// <summary>Whether the reminder is to be sent now.</summary>
    public static bool Due(Reminder reminder, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return now >= reminder.At && now < reminder.At + Window;
    }

    /// <summary>The reminders a city still has to get: it owes the task (nothing submitted or it came back).</summary>
    public static bool Owes(SubmissionSlot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        return slot.Status is SubmissionStatus.Missing or SubmissionStatus.Draft or SubmissionStatus.Returned;
    }

    private static DateTime At(DateOnly day) => BeijingTime.ToUtc(day.ToDateTime(Morning));

    // The due day is part of the key: an extension gives the city its reminders again, for the new day.
    private static string Key(SubmissionSlot slot, string tag, DateOnly due) =>
        $"remind:{slot.Edition.Number}:{SubmissionLifecycle.Name(slot.Kind)}:{slot.City.Code}:{tag}:{due:yyyyMMdd}";
}
