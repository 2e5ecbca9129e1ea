using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Campaign.Reminders;

/// <summary>How a reminder reaches a city's contributors. In-app today; an e-mail sender is another implementation.</summary>
public interface IReminderSender
{
    /// <summary>Sends the message to the city's contributors, once per <paramref name="key"/> and person; returns how many it reached.</summary>
    Task<int> SendAsync(string cityCode, string link, string message, string key, CancellationToken cancellationToken);
}

/// <summary>Reminders as in-app notifications, in the caller's unit of work (the caller saves).</summary>
public sealed class InAppReminderSender(Notifier notifier) : IReminderSender
{
    public Task<int> SendAsync(string cityCode, string link, string message, string key, CancellationToken cancellationToken) =>
        notifier.CityAsync(cityCode, link, message, key);
}
