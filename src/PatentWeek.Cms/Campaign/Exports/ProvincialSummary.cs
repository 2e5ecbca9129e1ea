using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Campaign.Forms;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Delivery;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Campaign.Exports;

/// <summary>A published story or event of a city, with its public link.</summary>
public sealed record SummaryItem(string City, string Title, DateTime? At, string Url, string? Place, string? Type);

/// <summary>A media report as a city's report lists it.</summary>
public sealed record SummaryMediaReport(string City, string? Outlet, string? Title, DateOnly? Date, string? Url);

/// <summary>
/// What the province's summary is drafted from, for an edition: the compliance table (who handed in what, events,
/// figures, totals), each city's report sections, the media reports, and the published stories and events with their
/// links. The .docx, the .xlsx and the printable page all render this one model.
/// </summary>
public sealed record ProvincialSummary(
    Compliance Compliance,
    ComplianceTotalsDto Totals,
    IReadOnlyDictionary<string, ReportForm> Reports,
    IReadOnlyList<SummaryMediaReport> MediaReports,
    IReadOnlyList<SummaryItem> Stories,
    IReadOnlyList<SummaryItem> Events)
{
    public Edition Edition => Compliance.Edition;

    public string Title => $"湖北省第{TitlePatterns.ChineseNumber(Edition.Number)}届中国专利周活动总结报告（草稿）";

    /// <summary>The cities late or missing with a task, in the office's words: 武汉市（活动方案逾期）.</summary>
    public IReadOnlyList<string> LateOrMissing => [.. Compliance.Rows.Select(r => (r.City.Name, Issues: new[]
        {
            Issue("活动方案", r.Plan), Issue("总结报告", r.Report),
        }.OfType<string>().ToList())).Where(x => x.Issues.Count > 0).Select(x => $"{x.Name}（{string.Join("，", x.Issues)}）")];

    private static string? Issue(string what, SlotState? state) => state switch
    {
        { Late: true } => $"{what}逾期提交",
        { Overdue: true } => $"{what}逾期未交",
        _ => null,
    };
}

public sealed class ProvincialSummaryQueries(CmsDbContext db, ComplianceQueries compliance, PublicUrls urls)
{
    public async Task<ProvincialSummary?> OfAsync(int editionNumber, CancellationToken cancellationToken)
    {
        if (await compliance.OfAsync(editionNumber, cancellationToken) is not { } table)
            return null;
        var edition = table.Edition;
        var reports = (await db.CitySubmissions.AsNoTracking().Where(s => s.EditionId == edition.Id && s.Kind == SubmissionKind.Report).ToListAsync(cancellationToken))
            .ToDictionary(s => s.CityCode, s => JsonSerializer.Deserialize<ReportForm>(s.Data, SubmissionService.Json) ?? new ReportForm());
        var names = table.Rows.ToDictionary(r => r.City.Code, r => r.City.Name);
        var media = reports.OrderBy(r => table.Rows.First(x => x.City.Code == r.Key).City.SortOrder)
            .SelectMany(r => r.Value.MediaReports.Select(m => new SummaryMediaReport(names[r.Key], m.Outlet, m.Title, m.Date, m.Url))).ToList();
        var published = await db.ContentItems.AsNoTracking()
            .Where(i => i.EditionId == edition.Id && i.State == ContentState.Published && i.DeletedAt == null && i.CityCode != null
                && (i.Kind == ContentKind.Story || i.Kind == ContentKind.Event))
            .OrderBy(i => i.StartsAt ?? i.PublishedAt).ThenBy(i => i.Id)
            .Select(i => new Published(i.Kind, i.CityCode!, i.Title, i.Slug, i.StartsAt ?? i.PublishedAt, i.Location, i.EventType))
            .ToListAsync(cancellationToken);
        SummaryItem Item(Published i) => new(names[i.CityCode], i.Title, i.At, urls.Absolute(ContentQueries.Url(edition, i.Kind, i.Slug)),
            i.Location, Content.Types.EventTypes.LabelOf(i.EventType));
        return new ProvincialSummary(table, ComplianceTotalsDto.Of(table), reports, media,
            [.. published.Where(i => i.Kind == ContentKind.Story).Select(Item)],
            [.. published.Where(i => i.Kind == ContentKind.Event).Select(Item)]);
    }

    private sealed record Published(ContentKind Kind, string CityCode, string Title, string Slug, DateTime? At, string? Location, string? EventType);
}
