using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Admin;
using PatentWeek.Cms.Campaign;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Campaign;

namespace PatentWeek.Cms.Pages.Admin.Settings;

/// <summary>
/// The current edition's paperwork as administrators set it: each task's dates, grace, title pattern and cities, and
/// the report's metrics (rows left blank add nothing; a metric cities filled in cannot be removed).
/// </summary>
public sealed class CampaignModel(CmsDbContext db, CampaignSettingsService settings) : AdminPage
{
    public const int BlankMetrics = 2;

    public sealed class TaskInput
    {
        public SubmissionKind Kind { get; set; }
        public DateOnly? OpensOn { get; set; }
        public DateOnly? DueOn { get; set; }
        public int? GraceMinutes { get; set; }
        public string? TitlePattern { get; set; }
        public List<string> Cities { get; set; } = [];
    }

    public sealed class MetricInput
    {
        public string? Key { get; set; }
        public string? Label { get; set; }
        public string? Unit { get; set; }
        public int? Decimals { get; set; }
        public string? Prefill { get; set; }
        public bool OnDashboard { get; set; }
        public bool Remove { get; set; }
        public bool Existing { get; set; }
    }

    [BindProperty]
    public List<TaskInput> Tasks { get; set; } = [];

    [BindProperty]
    public List<MetricInput> Metrics { get; set; } = [];

    public int Edition { get; private set; }
    public List<(string Code, string Name)> Cities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        var edition = await db.Editions.AsNoTracking().Include(e => e.Tasks).Include(e => e.Metrics).SingleAsync(e => e.Number == Edition, cancellationToken);
        Tasks = [.. edition.Tasks.OrderBy(t => t.Kind).Select(t => new TaskInput
        {
            Kind = t.Kind, OpensOn = t.OpensOn, DueOn = t.DueOn, GraceMinutes = t.GraceMinutes, TitlePattern = t.TitlePattern, Cities = t.CityCodes,
        })];
        Metrics = [.. edition.Metrics.OrderBy(m => m.SortOrder).Select(m => new MetricInput
        {
            Key = m.Key, Label = m.Label, Unit = m.Unit, Decimals = m.Decimals, Prefill = m.Prefill, OnDashboard = m.OnDashboard, Existing = true,
        })];
        return Page();
    }

    public Task<IActionResult> OnPostTaskAsync(int index, CancellationToken cancellationToken) =>
        StepAsync(async () =>
        {
            await LoadAsync(cancellationToken);
            var task = Tasks[index];
            await settings.UpdateTaskAsync(Actor, Edition, task.Kind, new TaskWriteRequest(task.OpensOn, task.DueOn, task.GraceMinutes, task.TitlePattern, task.Cities), cancellationToken);
            TempData["Message"] = $"已保存{SubmissionLifecycle.Label(task.Kind)}的报送设置。";
            return RedirectToPage();
        }, async () => { _taskIndex = index; await LoadAsync(cancellationToken); return Page(); });

    public Task<IActionResult> OnPostMetricsAsync(CancellationToken cancellationToken) =>
        StepAsync(async () =>
        {
            await LoadAsync(cancellationToken);
            var kept = Metrics.Where(m => !m.Remove && !(string.IsNullOrWhiteSpace(m.Key) && string.IsNullOrWhiteSpace(m.Label))).ToList();
            _metricRows = [.. kept.Select(m => Metrics.IndexOf(m))];
            await settings.UpdateMetricsAsync(Actor, Edition, [.. kept.Select(m => new MetricWriteRequest(m.Key?.Trim(), m.Label, m.Unit, m.Decimals, string.IsNullOrEmpty(m.Prefill) ? null : m.Prefill, m.OnDashboard))], cancellationToken);
            TempData["Message"] = "已保存总结报告指标。";
            return RedirectToPage();
        }, async () => { await LoadAsync(cancellationToken); return Page(); });

    private int _taskIndex;
    private List<int> _metricRows = [];

    /// <summary>The service names a task's fields plainly and a metric by its place in the list it was given.</summary>
    protected override string FieldName(string requestField)
    {
        ArgumentNullException.ThrowIfNull(requestField);
        if (requestField.StartsWith('[') && int.TryParse(requestField[1..requestField.IndexOf(']', StringComparison.Ordinal)], out var i) && i < _metricRows.Count)
        {
            var name = requestField[(requestField.IndexOf('.', StringComparison.Ordinal) + 1)..];
            return $"Metrics[{_metricRows[i]}].{char.ToUpperInvariant(name[0])}{name[1..]}";
        }

        return requestField == "metrics" ? "" : $"Tasks[{_taskIndex}].{char.ToUpperInvariant(requestField[0])}{requestField[1..]}";
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var edition = await db.Editions.AsNoTracking().OrderByDescending(e => e.IsCurrent).ThenByDescending(e => e.Number).FirstOrDefaultAsync(cancellationToken);
        if (edition is null)
            return false;
        Edition = edition.Number;
        Cities = [.. (await db.Cities.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(cancellationToken)).Select(c => (c.Code, c.Name))];
        return true;
    }
}
