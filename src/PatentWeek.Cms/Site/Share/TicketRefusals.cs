using System.Collections.Concurrent;

namespace PatentWeek.Cms.Site.Share;

/// <summary>
/// How often a reader's report that WeChat refused a signature may make the site ask WeChat for a new ticket: once
/// a minute per account. Anyone can send the report (it is the page's script that does), and getticket is rationed,
/// so a stream of reports must not spend the day's calls; a real dead ticket is replaced within the minute.
/// </summary>
public sealed class TicketRefusals(TimeProvider time)
{
    public static readonly TimeSpan Spacing = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _last = new(StringComparer.Ordinal);

    /// <summary>True for the first report of a minute (per AppId); the caller then replaces the ticket.</summary>
    public bool TryClaim(string appId)
    {
        var now = time.GetUtcNow();
        while (true)
        {
            if (!_last.TryGetValue(appId, out var last))
            {
                if (_last.TryAdd(appId, now))
                    return true;
                continue;
            }

            if (now - last < Spacing)
                return false;
            if (_last.TryUpdate(appId, now, last))
                return true;
        }
    }
}
