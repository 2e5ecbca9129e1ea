using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Campaign.Forms;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Campaign;

/// <summary>A task as an administrator sets it.</summary>
public sealed record TaskWriteRequest(DateOnly? OpensOn, DateOnly? DueOn, int? GraceMinutes, string? TitlePattern, IReadOnlyList<string>? Cities);

/// <summary>A metric as an administrator defines it; <c>prefill</c> is one of the system's own counts or none.</summary>
public sealed record MetricWriteRequest(string? Key, string? Label, string? Unit, int? Decimals, string? Prefill, bool OnDashboard);

/// <summary>
/// What administrators configure for an edition: each task's dates, grace, title pattern and cities, and the report's
/// metrics. Every change is audited; a metric a city already filled in cannot be taken away (its figures would be lost).
/// </summary>
public sealed partial class CampaignSettingsService(CmsDbContext db, AuditLog audit)
{
    public const int MaxGraceMinutes = 24 * 60, MaxMetrics = 30;

    private static readonly string[] Prefills = [CampaignDefaults.EventsHeld, CampaignDefaults.StoriesPublished, CampaignDefaults.MediaReports];

    public async Task<CampaignTask> UpdateTaskAsync(Actor actor, int edition, SubmissionKind kind, TaskWriteRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        EnsureAdministrator(actor);
        var task = await db.CampaignTasks.FirstOrDefaultAsync(t => t.Kind == kind && db.Editions.Any(e => e.Id == t.EditionId && e.Number == edition), cancellationToken)
            ?? throw new WorkflowException(StatusCodes.Status404NotFound, CampaignRefusals.NoTask(SubmissionLifecycle.Name(kind)));
        var known = await db.Cities.OrderBy(c => c.SortOrder).Select(c => c.Code).ToListAsync(cancellationToken);

        var errors = new Dictionary<string, Refusal>();
        if (request.OpensOn is null)
            errors["opensOn"] = CampaignRefusals.Required("opensOn");
        if (request.DueOn is null)
            errors["dueOn"] = CampaignRefusals.Required("dueOn");
        else if (request.OpensOn > request.DueOn)
            errors["dueOn"] = CampaignRefusals.DueBeforeOpening();
        if (request.GraceMinutes is < 0 or > MaxGraceMinutes)
            errors["graceMinutes"] = CampaignRefusals.Grace(MaxGraceMinutes);
        var pattern = request.TitlePattern?.Trim();
        if (string.IsNullOrEmpty(pattern) || !pattern.Contains(TitlePatterns.City, StringComparison.Ordinal))
            errors["titlePattern"] = CampaignRefusals.PatternNeedsCity();
        else if (pattern.Length > 200)
            errors["titlePattern"] = CampaignRefusals.TooLong(200);
        var cities = (request.Cities ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (cities.Count == 0)
            errors["cities"] = CampaignRefusals.Required("cities");
        else if (cities.FirstOrDefault(c => !known.Contains(c)) is { } unknown)
            errors["cities"] = CampaignRefusals.NoSuchCity(unknown);
        if (errors.Count > 0)
            throw RequestValidationException.From([], errors);

        var before = Describe(task);
        task.OpensOn = request.OpensOn!.Value;
        task.DueOn = request.DueOn!.Value;
        task.GraceMinutes = request.GraceMinutes ?? 0;
        task.TitlePattern = pattern!;
        task.CityCodes = [.. known.Where(cities.Contains)];
        audit.Record(actor, AuditAction.CampaignSettings, $"{SubmissionLifecycle.Name(kind)}/{edition}", $"{SubmissionLifecycle.Label(kind)}：{before} → {Describe(task)}");
        await db.SaveChangesAsync(cancellationToken);
        return task;
    }

    /// <summary>Replaces the edition's metrics with the list, in its order.</summary>
    public async Task<IReadOnlyList<CampaignMetric>> UpdateMetricsAsync(Actor actor, int edition, IReadOnlyList<MetricWriteRequest> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        EnsureAdministrator(actor);
        var found = await db.Editions.FirstOrDefaultAsync(e => e.Number == edition, cancellationToken)
            ?? throw new WorkflowException(StatusCodes.Status404NotFound, CampaignRefusals.NoSuchEdition());
        var errors = new Dictionary<string, Refusal>();
        if (request.Count > MaxMetrics)
            errors["metrics"] = CampaignRefusals.TooMany(MaxMetrics);
        for (var i = 0; i < request.Count; i++)
        {
            var m = request[i];
            if (m?.Key is not { } key || !KeyPattern().IsMatch(key))
                errors[$"[{i}].key"] = CampaignRefusals.MetricKey();
            else if (request.Take(i).Any(x => x?.Key == key))
                errors[$"[{i}].key"] = CampaignRefusals.MetricKeyTaken(key);
            if (string.IsNullOrWhiteSpace(m?.Label) || m.Label.Trim().Length > 64)
                errors[$"[{i}].label"] = CampaignRefusals.Required("label");
            if (string.IsNullOrWhiteSpace(m?.Unit) || m.Unit.Trim().Length > 16)
                errors[$"[{i}].unit"] = CampaignRefusals.Required("unit");
            if (m?.Decimals is not (null or 0 or 2))
                errors[$"[{i}].decimals"] = CampaignRefusals.MetricDecimalsChoice();
            if (m?.Prefill is { } prefill && !Prefills.Contains(prefill))
                errors[$"[{i}].prefill"] = CampaignRefusals.PrefillUnknown();
        }

        var current = await db.CampaignMetrics.Where(m => m.EditionId == found.Id).ToListAsync(cancellationToken);
        var removed = current.Where(m => request.All(r => r?.Key != m.Key)).Select(m => m.Key).ToList();
        if (removed.Count > 0)
        {
            var reports = await db.CitySubmissions.Where(s => s.EditionId == found.Id && s.Kind == SubmissionKind.Report).Select(s => s.Data).ToListAsync(cancellationToken);
            var filled = removed.Where(key => reports.Any(d => (JsonSerializer.Deserialize<ReportForm>(d, SubmissionService.Json)?.Metrics ?? []).ContainsKey(key))).ToList();
            if (filled.Count > 0)
                errors["metrics"] = CampaignRefusals.MetricInUse(filled);
        }

        if (errors.Count > 0)
            throw RequestValidationException.From([], errors);

        db.CampaignMetrics.RemoveRange(current.Where(m => removed.Contains(m.Key)));
        for (var i = 0; i < request.Count; i++)
        {
            var m = request[i];
            var row = current.FirstOrDefault(c => c.Key == m.Key);
            if (row is null)
            {
                row = new CampaignMetric { EditionId = found.Id, Key = m.Key!, Label = "", Unit = "" };
                db.CampaignMetrics.Add(row);
            }

            (row.Label, row.Unit, row.Decimals, row.Prefill, row.OnDashboard, row.SortOrder) = (m.Label!.Trim(), m.Unit!.Trim(), m.Decimals ?? 0, m.Prefill, m.OnDashboard, i + 1);
        }

        audit.Record(actor, AuditAction.CampaignSettings, $"metrics/{edition}", "总结报告指标：" + string.Join("、", request.Select(m => m.Label!.Trim())));
        await db.SaveChangesAsync(cancellationToken);
        return await db.CampaignMetrics.AsNoTracking().Where(m => m.EditionId == found.Id).OrderBy(m => m.SortOrder).ToListAsync(cancellationToken);
    }

    private static void EnsureAdministrator(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!CityRules.RoleAllows(actor, Operations.Manage))
            throw WorkflowException.Forbidden(CampaignRefusals.AdministratorsConfigure());
    }

    private static string Describe(CampaignTask t) => $"{t.OpensOn:yyyy-MM-dd} 至 {t.DueOn:yyyy-MM-dd}（宽限 {t.GraceMinutes} 分钟），{t.CityCodes.Count} 个市州";

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();
}
