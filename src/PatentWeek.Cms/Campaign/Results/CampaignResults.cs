using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Campaign.Forms;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Data.Content;

namespace PatentWeek.Cms.Campaign.Results;

/// <summary>A figure as the public reads it: 专利交易金额 1280.5 万元.</summary>
public sealed record ResultFigureDto(string Label, string Value, string Unit);

/// <summary>A city's public results: its report's 成效和亮点 and key figures, once the office accepted it and made it public.</summary>
public sealed record CityResultsDto(IReadOnlyList<string> Highlights, IReadOnlyList<ResultFigureDto> Figures);

/// <summary>The province's public totals: cities whose results are public, events held on the calendar, and the key figures summed.</summary>
public sealed record ProvinceResultsDto(int Cities, int EventsHeld, IReadOnlyList<ResultFigureDto> Figures);

/// <summary>
/// What of the paperwork the public ever sees, decided here only: of a report the office accepted and marked public, its
/// section 4 (成效和亮点) and the edition's key figures (those the dashboard shows); nothing of a plan, nothing of a report
/// that is not both accepted and public.
/// </summary>
public sealed class CampaignResults(CmsDbContext db)
{
    public async Task<CityResultsDto?> OfCityAsync(Edition edition, string city, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edition);
        var report = await Public(edition).FirstOrDefaultAsync(s => s.CityCode == city, cancellationToken);
        if (report is null)
            return null;
        var metrics = await KeyMetricsAsync(edition, cancellationToken);
        var form = Read(report);
        // Paragraphs as the city wrote them; the template writes each as text (escaped), never as markup.
        var paragraphs = (form.Sections.GetValueOrDefault(ReportSections.Public) ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new CityResultsDto(paragraphs,
            [.. metrics.Where(m => form.Metrics.GetValueOrDefault(m.Key) is not null).Select(m => Figure(m, form.Metrics[m.Key]!.Value))]);
    }

    public async Task<ProvinceResultsDto> OfProvinceAsync(Edition edition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edition);
        var forms = (await Public(edition).ToListAsync(cancellationToken)).Select(Read).ToList();
        var metrics = await KeyMetricsAsync(edition, cancellationToken);
        var events = await db.ContentItems.CountAsync(i => i.EditionId == edition.Id && i.Kind == ContentKind.Event && i.State == ContentState.Published && i.DeletedAt == null, cancellationToken);
        return new ProvinceResultsDto(forms.Count, events,
            [.. metrics.Select(m => Figure(m, forms.Sum(f => f.Metrics.GetValueOrDefault(m.Key) ?? 0m)))]);
    }

    private IQueryable<CitySubmission> Public(Edition edition) => db.CitySubmissions.AsNoTracking()
        .Where(s => s.EditionId == edition.Id && s.Kind == SubmissionKind.Report && s.State == Data.Campaign.SubmissionState.Accepted && s.IsPublic);

    private Task<List<CampaignMetric>> KeyMetricsAsync(Edition edition, CancellationToken cancellationToken) =>
        db.CampaignMetrics.AsNoTracking().Where(m => m.EditionId == edition.Id && m.OnDashboard).OrderBy(m => m.SortOrder).ToListAsync(cancellationToken);

    private static ReportForm Read(CitySubmission report) => JsonSerializer.Deserialize<ReportForm>(report.Data, SubmissionService.Json) ?? new ReportForm();

    private static ResultFigureDto Figure(CampaignMetric metric, decimal value) => new(metric.Label, Exports.SummaryDocx.Number(value), metric.Unit);
}
