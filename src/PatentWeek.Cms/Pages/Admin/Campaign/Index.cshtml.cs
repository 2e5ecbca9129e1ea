using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Admin;
using PatentWeek.Cms.Campaign;
using PatentWeek.Cms.Campaign.Reminders;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Campaign;

namespace PatentWeek.Cms.Pages.Admin.Campaign;

/// <summary>
/// The office's compliance dashboard for an edition: the 17 cities' plans, events, stories, reports and key figures,
/// with totals, sorting and a filter, the countdowns to each deadline, what each city still owes, and a chart of the
/// events per city (server-drawn SVG; the table is its data).
/// </summary>
public sealed class IndexModel(ComplianceQueries compliance, ReminderService reminders, CmsDbContext db, TimeProvider time) : AdminPage
{
    public static readonly IReadOnlyList<(string Key, string Label)> Filters =
    [
        ("all", "全部市州"), ("owing", "仍有欠缺"), ("late", "逾期或未交"), ("review", "待审核"),
    ];

    public Compliance Table { get; private set; } = null!;
    public IReadOnlyList<ComplianceRow> Rows { get; private set; } = [];
    public ComplianceTotalsDto Totals { get; private set; } = null!;
    public DateTime Now { get; private set; }

    [FromQuery(Name = "sort")]
    public string Sort { get; set; } = "city";

    [FromQuery(Name = "show")]
    public string Show { get; set; } = "all";

    public IReadOnlyList<CampaignMetric> KeyMetrics => [.. Table.Metrics.Where(m => m.OnDashboard)];

    public async Task<IActionResult> OnGetAsync([FromQuery] int? edition, CancellationToken cancellationToken)
    {
        var number = edition ?? await db.Editions.AsNoTracking().OrderByDescending(e => e.IsCurrent).ThenByDescending(e => e.Number)
            .Select(e => (int?)e.Number).FirstOrDefaultAsync(cancellationToken);
        if (number is null || await compliance.OfAsync(number.Value, cancellationToken) is not { } table)
            return NotFound();
        Table = table;
        Now = time.GetUtcNow().UtcDateTime;
        Totals = ComplianceTotalsDto.Of(table);
        var shown = table.Rows.Where(Shows);
        Rows = [.. Sorted(shown)];
        return Page();
    }

    /// <summary>提醒: one city (its row's button), or every city that owes something (the button above the table).</summary>
    public Task<IActionResult> OnPostRemindAsync([FromQuery] int edition, string? city, CancellationToken cancellationToken) =>
        StepAsync(async () =>
        {
            var reached = await reminders.RemindAsync(Actor, edition, city is null ? null : [city], cancellationToken);
            TempData["Message"] = reached.Count == 0 ? "没有需要提醒的市州。" : $"已提醒 {reached.Count} 个市州。";
            return RedirectToPage(new { edition, sort = Sort, show = Show });
        }, async () => await OnGetAsync(edition, cancellationToken));

    public string SortLink(string key) => $"?sort={Uri.EscapeDataString(key)}&show={Uri.EscapeDataString(Show)}";

    public string ShowLink(string key) => $"?sort={Uri.EscapeDataString(Sort)}&show={Uri.EscapeDataString(key)}";

    private bool Shows(ComplianceRow row) => Show switch
    {
        "owing" => row.Owes.Count > 0,
        "late" => row.Plan?.Late == true || row.Plan?.Overdue == true || row.Report?.Late == true || row.Report?.Overdue == true,
        "review" => row.Plan?.Status == SubmissionStatus.Submitted || row.Report?.Status == SubmissionStatus.Submitted,
        _ => true,
    };

    private IEnumerable<ComplianceRow> Sorted(IEnumerable<ComplianceRow> rows) => Sort switch
    {
        "plan" => rows.OrderBy(r => r.Plan?.Status).ThenBy(r => r.Plan?.FirstSubmittedAt ?? DateTime.MaxValue),
        "events" => rows.OrderByDescending(r => r.EventsHeld - r.EventsRequired).ThenByDescending(r => r.EventsHeld),
        "stories" => rows.OrderByDescending(r => r.StoriesPublished),
        "report" => rows.OrderBy(r => r.Report?.Status).ThenBy(r => r.Report?.FirstSubmittedAt ?? DateTime.MaxValue),
        _ when Table.Metrics.Any(m => m.Key == Sort) => rows.OrderByDescending(r => r.Metrics.GetValueOrDefault(Sort) ?? -1m),
        _ => rows.OrderBy(r => r.City.SortOrder),
    };
}
