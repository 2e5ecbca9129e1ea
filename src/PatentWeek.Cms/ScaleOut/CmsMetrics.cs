using System.Diagnostics.Metrics;

namespace PatentWeek.Cms.ScaleOut;

/// <summary>
/// The product's own instruments on the meter <see cref="MeterName"/>, beside ASP.NET Core's request rate and latency
/// (<c>http.server.request.duration</c>) and the WeChat client's calls (<see cref="PatentWeek.WeChat.WeChatMetrics"/>):
/// output-cache lookups by result, from which the hit ratio follows, and the outbox's backlog (due jobs and the age of
/// the oldest), last sampled by <see cref="Outbox.OutboxBacklog"/>.
/// </summary>
public sealed class CmsMetrics : IDisposable
{
    public const string MeterName = "PatentWeek.Cms";

    private static readonly KeyValuePair<string, object?> Hit = new("result", "hit");
    private static readonly KeyValuePair<string, object?> Miss = new("result", "miss");
    private readonly Meter _meter;
    private readonly Counter<long> _lookups;

    public CmsMetrics(IMeterFactory meters, Outbox.OutboxBacklog backlog)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(backlog);
        _meter = meters.Create(MeterName);
        _lookups = _meter.CreateCounter<long>("cms.output_cache.lookups", "{lookup}", "Output-cache lookups of public pages and API answers, by result (hit or miss).");
        _meter.CreateObservableGauge("cms.outbox.due", () => backlog.Last.Due, "{job}", "Outbox jobs due and not yet done.");
        _meter.CreateObservableGauge("cms.outbox.oldest_age", () => backlog.Last.OldestAge.TotalSeconds, "s", "How long the oldest due outbox job has waited.");
    }

    public void CacheLookup(bool found) => _lookups.Add(1, found ? Hit : Miss);

    public void Dispose() => _meter.Dispose();
}
