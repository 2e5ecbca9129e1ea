namespace PatentWeek.Cms.Campaign.Forms;

/// <summary>A media report of the week (宣传报道): outlet, title, date and link.</summary>
public sealed record MediaReport
{
    public string? Outlet { get; init; }
    public string? Title { get; init; }
    public DateOnly? Date { get; init; }
    public string? Url { get; init; }
}

/// <summary>
/// A city's summary report (总结报告) in the template's six sections, with the edition's metrics, its media reports,
/// evidence per section and the stamped scan (the notice asks for 电子件及加盖公章扫描件, so the scan is required to submit).
/// </summary>
public sealed record ReportForm : ISubmissionForm<ReportForm>
{
    public static Data.Campaign.SubmissionKind Kind => Data.Campaign.SubmissionKind.Report;

    public IEnumerable<int> Files => new[] { Scan, Document }.OfType<int>().Concat((Evidence ?? []).Values.SelectMany(v => v ?? []));

    public const int MaxMediaReports = 200;
    public const int MaxEvidence = 20;
    public const int MaxSection = 20_000;

    /// <summary>Counts up to 10 million; amounts (万元) up to 100 million 万元, far beyond any city's week.</summary>
    public const decimal MaxCount = 10_000_000m, MaxAmount = 100_000_000m;

    public Dictionary<string, string?> Sections { get; init; } = [];
    public Dictionary<string, decimal?> Metrics { get; init; } = [];
    public List<MediaReport> MediaReports { get; init; } = [];
    public Dictionary<string, List<int>> Evidence { get; init; } = [];
    public int? Scan { get; init; }
    public int? Document { get; init; }

    public ReportForm Check(FormContext context, string city, FormCheck check)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(check);
        var sections = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var key in (Sections ?? []).Keys.Where(k => ReportSections.Find(k) is null))
            check.Refuse($"sections.{key}", CampaignRefusals.SectionUnknown(key));
        foreach (var section in ReportSections.All)
        {
            var text = check.Text($"sections.{section.Key}", (Sections ?? []).GetValueOrDefault(section.Key), MaxSection);
            check.Require($"sections.{section.Key}", text is not null, section.Key);
            if (text is not null)
                sections[section.Key] = text;
        }

        var metrics = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        foreach (var key in (Metrics ?? []).Keys.Where(k => context.Metrics.All(m => m.Key != k)))
            check.Refuse($"metrics.{key}", CampaignRefusals.MetricUnknown(key));
        foreach (var metric in context.Metrics)
        {
            var value = (Metrics ?? []).GetValueOrDefault(metric.Key);
            var field = $"metrics.{metric.Key}";
            var max = metric.Decimals == 0 ? MaxCount : MaxAmount;
            if (value < 0)
                check.Refuse(field, CampaignRefusals.MetricNegative());
            else if (value is { } v && decimal.Round(v, metric.Decimals) != v)
                check.Refuse(field, CampaignRefusals.MetricDecimals(metric.Decimals));
            else if (value > max)
                check.Refuse(field, CampaignRefusals.MetricTooLarge(max));
            check.Require(field, value is not null, metric.Label);
            if (value is not null)
                metrics[metric.Key] = value;
        }

        var reports = MediaReports ?? [];
        if (reports.Count > MaxMediaReports)
            check.Refuse("mediaReports", CampaignRefusals.TooMany(MaxMediaReports));
        var cleaned = reports.Take(MaxMediaReports).Select((r, i) =>
        {
            r ??= new MediaReport();
            var at = $"mediaReports[{i}]";
            check.Date($"{at}.date", r.Date, context);
            var url = check.Text($"{at}.url", r.Url, 500);
            check.Link($"{at}.url", url);
            return r with { Outlet = check.Text($"{at}.outlet", r.Outlet, 100, required: true), Title = check.Text($"{at}.title", r.Title, 200, required: true), Url = url };
        }).ToList();

        var evidence = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var (key, ids) in Evidence ?? [])
        {
            if (ReportSections.Find(key) is null)
            {
                check.Refuse($"evidence.{key}", CampaignRefusals.SectionUnknown(key));
                continue;
            }

            var distinct = (ids ?? []).Distinct().ToList();
            if (distinct.Count > MaxEvidence)
                check.Refuse($"evidence.{key}", CampaignRefusals.TooMany(MaxEvidence));
            foreach (var id in distinct)
                check.File($"evidence.{key}", id, context, city);
            if (distinct.Count > 0)
                evidence[key] = distinct;
        }

        check.Scan("scan", Scan, context, city);
        check.Require("scan", Scan is not null);
        check.Document("document", Document, context, city);
        return this with { Sections = sections, Metrics = metrics, MediaReports = cleaned, Evidence = evidence };
    }
}
