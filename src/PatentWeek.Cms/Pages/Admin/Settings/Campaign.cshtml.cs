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

    /// <summary>Both tasks as stored, each in a form of its own.</summary>
    public List<TaskInput> Tasks { get; set; } = [];

    /// <summary>The task one of those forms sent.</summary>
    [BindProperty]
    public TaskInput? Posted { get; set; }

    /// <summary>Which task's form was refused, so its fields show what was sent and the messages.</summary>
    public int? RefusedTask { get; private set; }

    [BindProperty]
    public List<MetricInput> Metrics { get; set; } = [];

    public int Edition { get; private set; }
    public List<(string Code, string Name)> Cities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(metrics: true, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostTaskAsync(CancellationToken cancellationToken) =>
        StepAsync(async () =>
        {
            var task = Posted ?? new TaskInput();
            await LoadAsync(metrics: false, cancellationToken);
            await settings.UpdateTaskAsync(Actor, Edition, task.Kind, new TaskWriteRequest(task.OpensOn, task.DueOn, task.GraceMinutes, task.TitlePattern, task.Cities), cancellationToken);
            TempData["Message"] = $"已保存{SubmissionLifecycle.Label(task.Kind)}的报送设置。";
            return RedirectToPage();
        }, async () =>
        {
            await LoadAsync(metrics: true, cancellationToken);
            RefusedTask = Tasks.FindIndex(t => t.Kind == Posted?.Kind);
            if (RefusedTask >= 0)
                Tasks[RefusedTask.Value] = Posted!;
            return Page();
        });

    public Task<IActionResult> OnPostMetricsAsync(CancellationToken cancellationToken) =>
        StepAsync(async () =>
        {
            var sent = Metrics;
            await LoadAsync(metrics: false, cancellationToken);
            Metrics = sent;
            var kept = Metrics.Where(m => !m.Remove && !(string.IsNullOrWhiteSpace(m.Key) && string.IsNullOrWhiteSpace(m.Label))).ToList();
            _metricRows = [.. kept.Select(m => Metrics.IndexOf(m))];
            await settings.UpdateMetricsAsync(Actor, Edition, [.. kept.Select(m => new MetricWriteRequest(m.Key?.Trim(), m.Label, m.Unit, m.Decimals, string.IsNullOrEmpty(m.Prefill) ? null : m.Prefill, m.OnDashboard))], cancellationToken);
            TempData["Message"] = "已保存总结报告指标。";
            return RedirectToPage();
        }, async () =>
        {
            var sent = Metrics;
            await LoadAsync(metrics: false, cancellationToken);
            Metrics = sent;
            return Page();
        });

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

        return requestField == "metrics" ? "" : $"{nameof(Posted)}.{char.ToUpperInvariant(requestField[0])}{requestField[1..]}";
    }

    /// <summary>The current edition, its cities and tasks, and (unless a posted list stands in for them) its metrics.</summary>
    private async Task<bool> LoadAsync(bool metrics, CancellationToken cancellationToken)
    {
        var edition = await db.Editions.AsNoTracking().Include(e => e.Tasks).Include(e => e.Metrics)
            .OrderByDescending(e => e.IsCurrent).ThenByDescending(e => e.Number).FirstOrDefaultAsync(cancellationToken);
        if (edition is null)
            return false;
        Edition = edition.Number;
        Tasks = [.. edition.Tasks.OrderBy(t => t.Kind).Select(t => new TaskInput
        {
            Kind = t.Kind, OpensOn = t.OpensOn, DueOn = t.DueOn, GraceMinutes = t.GraceMinutes, TitlePattern = t.TitlePattern, Cities = t.CityCodes,
        })];
        if (metrics)
        {
            Metrics = [.. edition.Metrics.OrderBy(m => m.SortOrder).Select(m => new MetricInput
            {
                Key = m.Key, Label = m.Label, Unit = m.Unit, Decimals = m.Decimals, Prefill = m.Prefill, OnDashboard = m.OnDashboard, Existing = true,
            })];
        }

        Cities = [.. (await db.Cities.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(cancellationToken)).Select(c => (c.Code, c.Name))];
        return true;
    }
}
