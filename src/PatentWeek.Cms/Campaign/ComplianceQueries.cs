using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Campaign.Forms;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Data.Content;

namespace PatentWeek.Cms.Campaign;

/// <summary>Where one city's copy of a task stands: its status, when it was (first) submitted, and whether late or overdue.</summary>
public sealed record SlotState(SubmissionStatus Status, DateTime DueAt, DateTime? FirstSubmittedAt, DateTime? SubmittedAt, bool Late, bool Overdue);

/// <summary>One city's row of the compliance table.</summary>
public sealed record ComplianceRow(
    City City, SlotState? Plan, SlotState? Report, int EventsHeld, int EventsPlanned, int EventsRequired, int StoriesPublished,
    IReadOnlyDictionary<string, decimal?> Metrics)
{
    /// <summary>What the city still owes, in the office's words: the paperwork not yet in, and the events short of the minimum.</summary>
    public IReadOnlyList<string> Owes
    {
        get
        {
            var owes = new List<string>();
            if (Plan is { Status: SubmissionStatus.Missing or SubmissionStatus.Draft or SubmissionStatus.Returned })
                owes.Add(Plan.Status == SubmissionStatus.Returned ? "活动方案（已退回，待修改）" : "活动方案");
            if (EventsHeld < EventsRequired)
                owes.Add($"主题活动 {EventsRequired - EventsHeld} 场");
            if (Report is { Status: SubmissionStatus.Missing or SubmissionStatus.Draft or SubmissionStatus.Returned })
                owes.Add(Report.Status == SubmissionStatus.Returned ? "总结报告（已退回，待修改）" : "总结报告");
            return owes;
        }
    }
}

/// <summary>The compliance table of an edition: every city, in the campaign's order, with the edition's metrics.</summary>
public sealed record Compliance(Edition Edition, IReadOnlyList<CampaignTask> Tasks, IReadOnlyList<CampaignMetric> Metrics, IReadOnlyList<ComplianceRow> Rows);

/// <summary>
/// The staff read model of the campaign's paperwork: who handed in what and when, the events held against the minimum,
/// the stories published and the reports' figures. The dashboard, the API, the exports and the reminders all read it.
/// </summary>
public sealed class ComplianceQueries(CmsDbContext db, TimeProvider time)
{
    public async Task<Compliance?> OfAsync(int editionNumber, CancellationToken cancellationToken)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Number == editionNumber, cancellationToken);
        if (edition is null)
            return null;
        var tasks = await db.CampaignTasks.AsNoTracking().Include(t => t.Extensions).Where(t => t.EditionId == edition.Id).ToListAsync(cancellationToken);
        var metrics = await db.CampaignMetrics.AsNoTracking().Where(m => m.EditionId == edition.Id).OrderBy(m => m.SortOrder).ToListAsync(cancellationToken);
        var cities = await db.Cities.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(cancellationToken);
        var submissions = await db.CitySubmissions.AsNoTracking().Where(s => s.EditionId == edition.Id).ToListAsync(cancellationToken);
        var minimums = await EventMinimums.OfAsync(db, edition.Id, cancellationToken);
        var published = await db.ContentItems.AsNoTracking()
            .Where(i => i.EditionId == edition.Id && i.DeletedAt == null && i.State == ContentState.Published && i.CityCode != null
                && (i.Kind == ContentKind.Event || i.Kind == ContentKind.Story))
            .GroupBy(i => new { i.CityCode, i.Kind }).Select(g => new { g.Key.CityCode, g.Key.Kind, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;

        int Count(string city, ContentKind kind) => published.Where(p => p.CityCode == city && p.Kind == kind).Sum(p => p.Count);
        SlotState? State(SubmissionKind kind, string city)
        {
            var task = tasks.FirstOrDefault(t => t.Kind == kind);
            if (task is null || !task.CityCodes.Contains(city))
                return null;
            var s = submissions.FirstOrDefault(x => x.Kind == kind && x.CityCode == city);
            var due = Deadlines.DueAt(task, city);
            return new SlotState(SubmissionLifecycle.StatusOf(s), due, s?.FirstSubmittedAt, s?.SubmittedAt,
                Deadlines.IsLate(s?.FirstSubmittedAt, due), Deadlines.IsOverdue(s?.FirstSubmittedAt, due, now));
        }

        var rows = cities.Select(c =>
        {
            var plan = submissions.FirstOrDefault(s => s.Kind == SubmissionKind.Plan && s.CityCode == c.Code);
            var report = submissions.FirstOrDefault(s => s.Kind == SubmissionKind.Report && s.CityCode == c.Code);
            var planned = plan is null ? 0 : Read<PlanForm>(plan).Events.Count;
            var figures = report is null ? new Dictionary<string, decimal?>() : Read<ReportForm>(report).Metrics;
            return new ComplianceRow(c, State(SubmissionKind.Plan, c.Code), State(SubmissionKind.Report, c.Code),
                Count(c.Code, ContentKind.Event), planned, minimums[c.Code], Count(c.Code, ContentKind.Story),
                metrics.ToDictionary(m => m.Key, m => figures.GetValueOrDefault(m.Key)));
        }).ToList();
        return new Compliance(edition, tasks, metrics, rows);
    }

    /// <summary>What the system itself knows of a metric for a city (shown beside the city's figure), or null.</summary>
    public static decimal? Computed(CampaignMetric metric, ComplianceRow row, ReportForm? report) => metric.Prefill switch
    {
        CampaignDefaults.EventsHeld => row.EventsHeld,
        CampaignDefaults.StoriesPublished => row.StoriesPublished,
        CampaignDefaults.MediaReports => report?.MediaReports.Count,
        _ => null,
    };

    private static TForm Read<TForm>(CitySubmission submission)
        where TForm : new() => JsonSerializer.Deserialize<TForm>(submission.Data, SubmissionService.Json) ?? new TForm();
}
