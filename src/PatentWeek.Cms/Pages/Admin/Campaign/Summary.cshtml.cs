using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Admin;
using PatentWeek.Cms.Campaign.Exports;
using PatentWeek.Cms.Data;

namespace PatentWeek.Cms.Pages.Admin.Campaign;

/// <summary>The province's summary for an edition: the printable page, and its Word and Excel downloads (editors and administrators).</summary>
public sealed class SummaryModel(ProvincialSummaryQueries summaries, CmsDbContext db, TimeProvider time) : AdminPage
{
    public ProvincialSummary Summary { get; private set; } = null!;
    public DateTime Now { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] int? edition, CancellationToken cancellationToken) =>
        await LoadAsync(edition, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDocxAsync([FromQuery] int? edition, CancellationToken cancellationToken) =>
        await LoadAsync(edition, cancellationToken) ? File(SummaryDocx.Write(Summary, Now), SummaryDocx.ContentType, Summary.Title + ".docx") : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync([FromQuery] int? edition, CancellationToken cancellationToken) =>
        await LoadAsync(edition, cancellationToken) ? File(SummaryXlsx.Write(Summary), SummaryXlsx.ContentType, $"第{Summary.Edition.Number}届中国专利周各市州数据.xlsx") : NotFound();

    private async Task<bool> LoadAsync(int? edition, CancellationToken cancellationToken)
    {
        var number = edition ?? await db.Editions.AsNoTracking().OrderByDescending(e => e.IsCurrent).ThenByDescending(e => e.Number)
            .Select(e => (int?)e.Number).FirstOrDefaultAsync(cancellationToken);
        if (number is null || await summaries.OfAsync(number.Value, cancellationToken) is not { } summary)
            return false;
        Summary = summary;
        Now = time.GetUtcNow().UtcDateTime;
        return true;
    }
}
