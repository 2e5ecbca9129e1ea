using Microsoft.AspNetCore.Mvc;
using PatentWeek.Cms.Campaign;
using PatentWeek.Cms.Campaign.Forms;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Media;

namespace PatentWeek.Cms.Pages.Admin.Campaign;

/// <summary>A city's summary report (总结报告): the template's six sections, the edition's figures, media reports and evidence.</summary>
public sealed class ReportModel(SubmissionService service, MediaUploader uploader, DeadlineExtensionService extensions, ComplianceQueries compliance) : SubmissionPage<ReportForm>(service, uploader, extensions)
{
    public const int BlankMediaReports = 3;

    /// <summary>Evidence files sent with the form, by the section they belong to (<c>EvidenceFiles[highlights]</c>).</summary>
    [BindProperty]
    public Dictionary<string, List<IFormFile>> EvidenceFiles { get; set; } = [];

    /// <summary>What the system itself counts for the prefilled metrics (events held, stories published, media reports listed).</summary>
    public Dictionary<string, decimal?> Computed { get; private set; } = [];

    protected override SubmissionKind Kind => SubmissionKind.Report;

    /// <summary>
    /// The figure the form starts with where the city has none yet: the system's own count for a prefilled metric, while
    /// the city can still write the report (editable; the count stays beside it).
    /// </summary>
    public decimal? Prefilled(string key) => CanWrite ? Computed.GetValueOrDefault(key) : null;

    /// <summary>Editors and administrators, on an accepted report.</summary>
    public bool CanPublishResults => Workflow.ContentPermissions.CanPublish(Actor) && Slot.Status == SubmissionStatus.Accepted;

    public Task<IActionResult> OnPostPublicAsync(int edition, string city, bool shown, CancellationToken cancellationToken) =>
        StepAsync(async () =>
        {
            await Service.SetPublicAsync(Actor, edition, city, shown, cancellationToken);
            TempData["Message"] = shown ? "已在市州页面公开成效和亮点。" : "已取消公开。";
            return RedirectToPage(new { edition, city });
        }, async () => await OnGetAsync(edition, city, cancellationToken));

    protected override ReportForm Attach(ReportForm form, int? scan, int? document) => form with
    {
        Scan = scan ?? form.Scan,
        Document = document ?? form.Document,
        MediaReports = [.. form.MediaReports.Where(r => r is not null && !(r.Outlet is null && r.Title is null && r.Url is null && r.Date is null))],
    };

    protected override async Task<ReportForm> AttachMoreAsync(ReportForm form, CancellationToken cancellationToken)
    {
        var evidence = form.Evidence.ToDictionary(e => e.Key, e => (e.Value ?? []).ToList());
        foreach (var (section, files) in EvidenceFiles ?? [])
        {
            // An unknown section is named by the form's own check; its files are not uploaded.
            if (ReportSections.Find(section) is null)
                continue;
            foreach (var file in (files ?? []).Where(f => f is { Length: > 0 }))
                (evidence.TryGetValue(section, out var ids) ? ids : evidence[section] = []).Add(await UploadAsync(file, cancellationToken));
        }

        return form with { Evidence = evidence };
    }

    /// <summary>Loads the figures the system computes, beside the page's own loading.</summary>
    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var executed = await next();
        if (executed.Result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult && Slot is not null && await compliance.OfAsync(Slot.Edition.Number, HttpContext.RequestAborted) is { } table)
        {
            var row = table.Rows.Single(r => r.City.Code == Slot.City.Code);
            Computed = table.Metrics.ToDictionary(m => m.Key, m => ComplianceQueries.Computed(m, row, Form));
        }
    }
}
