using PatentWeek.Cms.Campaign;
using PatentWeek.Cms.Campaign.Forms;
using PatentWeek.Cms.Data.Campaign;
using Microsoft.AspNetCore.Mvc;
using PatentWeek.Cms.Media;

namespace PatentWeek.Cms.Pages.Admin.Campaign;

/// <summary>A city's activity and publicity plan (活动方案).</summary>
public sealed class PlanModel(SubmissionService service, MediaUploader uploader, DeadlineExtensionService extensions, PlanEventItems items) : SubmissionPage<PlanForm>(service, uploader, extensions)
{
    /// <summary>Rows offered for events beyond those saved: enough for the notice's minimum and a spare, without script.</summary>
    public const int BlankEvents = 2;

    protected override SubmissionKind Kind => SubmissionKind.Plan;

    /// <summary>The city's contributors turn saved planned events into event items, whatever the plan's state.</summary>
    public bool CanMakeItems => SubmissionPermissions.CanWrite(Actor, Slot) && Slot.Submission is not null;

    /// <summary>The events as saved (the form may hold unsaved rows after a refusal).</summary>
    public IReadOnlyList<PlannedEvent> SavedEvents => SubmissionService.FormOf<PlanForm>(Slot).Events;

    public Task<IActionResult> OnPostEventItemAsync(int edition, string city, int index, CancellationToken cancellationToken) =>
        StepAsync(async () =>
        {
            var id = await items.CreateAsync(Actor, edition, city, index, cancellationToken);
            TempData["Message"] = "已生成活动条目（草稿），请补充内容后提交审核，审核发布后会出现在网站活动日程中。";
            return LocalRedirect(Url.Content($"~/admin/content/{id}"));
        }, async () => await OnGetAsync(edition, city, cancellationToken));

    protected override PlanForm Attach(PlanForm form, int? scan, int? document) => form with
    {
        Scan = scan ?? form.Scan,
        Document = document ?? form.Document,
        // Rows left blank are no events.
        Events = [.. form.Events.Where(e => e is not null && !Blank(e))],
    };

    private static bool Blank(PlannedEvent e) =>
        e.Title is null && e.Date is null && e.Type is null && e.Place is null && e.Organiser is null && e.ExpectedParticipants is null;
}
