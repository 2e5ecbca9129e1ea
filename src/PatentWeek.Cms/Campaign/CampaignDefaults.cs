using PatentWeek.Cms.Data.Campaign;

namespace PatentWeek.Cms.Campaign;

/// <summary>
/// What a new edition asks of the cities unless an administrator says otherwise: both tasks owed by every city, and the
/// report's metrics of the notice's template (its sections 二 and 三 ask for data on publicity, transactions and services).
/// </summary>
public static class CampaignDefaults
{
    /// <summary>Computed by the system for the report's form: the city's published event items and stories of the edition.</summary>
    public const string EventsHeld = "events-held", StoriesPublished = "stories-published", MediaReports = "media-reports";

    public static IReadOnlyList<CampaignMetric> Metrics()
    {
        List<CampaignMetric> metrics =
        [
            Metric("events-held", "举办主题活动", "场", prefill: EventsHeld, dashboard: true),
            Metric("participants", "参与人数", "人次", dashboard: true),
            Metric("stories-published", "发布亮点稿件", "篇", prefill: StoriesPublished),
            Metric("media-reports", "媒体报道", "篇", prefill: MediaReports, dashboard: true),
            Metric("online-reads", "网络阅读量", "次"),
            Metric("transactions", "专利交易", "件"),
            Metric("transaction-amount", "专利交易金额", "万元", decimals: 2, dashboard: true),
            Metric("pledge-deals", "质押融资", "笔"),
            Metric("pledge-amount", "质押融资金额", "万元", decimals: 2, dashboard: true),
            Metric("matchmaking", "对接活动", "场"),
            Metric("consultations", "咨询服务", "次"),
            Metric("agency-aid", "代理援助", "件"),
        ];
        for (var i = 0; i < metrics.Count; i++)
            metrics[i].SortOrder = i + 1;
        return metrics;
    }

    /// <summary>
    /// Fills what an edition read from a file leaves open. With no tasks of its own it starts from a copy of the previous
    /// edition's (<paramref name="previous"/>, loaded with its tasks and metrics), every date moved by the distance
    /// between the two weeks, and from its metrics; else its tasks are owed by every city and its report asks for the
    /// default metrics.
    /// </summary>
    public static void Complete(Edition edition, IReadOnlyList<string> cityCodes, Edition? previous)
    {
        ArgumentNullException.ThrowIfNull(edition);
        if (edition.Tasks.Count == 0)
        {
            if (previous is null || previous.Tasks.Count == 0)
                throw new Content.Import.ContentImportException(Content.Import.CampaignFileReader.EditionsFile, 1,
                    $"edition {edition.Number}: planDeadline and reportDeadline are required (there is no earlier edition to copy them from)");
            var days = edition.WeekStart.DayNumber - previous.WeekStart.DayNumber;
            edition.Tasks.AddRange(previous.Tasks.Select(t => new CampaignTask
            {
                Kind = t.Kind, OpensOn = t.OpensOn.AddDays(days), DueOn = t.DueOn.AddDays(days), GraceMinutes = t.GraceMinutes,
                TitlePattern = t.TitlePattern, CityCodes = [.. t.CityCodes],
            }));
        }

        foreach (var task in edition.Tasks.Where(t => t.CityCodes.Count == 0))
            task.CityCodes = [.. cityCodes];
        if (edition.Metrics.Count == 0)
        {
            edition.Metrics.AddRange(previous?.Metrics is { Count: > 0 } earlier
                ? earlier.Select(m => new CampaignMetric { Key = m.Key, Label = m.Label, Unit = m.Unit, Decimals = m.Decimals, Prefill = m.Prefill, OnDashboard = m.OnDashboard, SortOrder = m.SortOrder })
                : Metrics());
        }
    }

    private static CampaignMetric Metric(string key, string label, string unit, int decimals = 0, string? prefill = null, bool dashboard = false) => new()
    {
        Key = key, Label = label, Unit = unit, Decimals = decimals, Prefill = prefill, OnDashboard = dashboard,
    };
}
