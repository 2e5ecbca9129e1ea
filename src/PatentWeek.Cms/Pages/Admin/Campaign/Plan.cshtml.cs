using PatentWeek.Cms.Campaign;
using PatentWeek.Cms.Campaign.Forms;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Media;

namespace PatentWeek.Cms.Pages.Admin.Campaign;

/// <summary>A city's activity and publicity plan (活动方案).</summary>
public sealed class PlanModel(SubmissionService service, MediaUploader uploader, DeadlineExtensionService extensions) : SubmissionPage<PlanForm>(service, uploader, extensions)
{
    /// <summary>Rows offered for events beyond those saved: enough for the notice's minimum and a spare, without script.</summary>
    public const int BlankEvents = 2;

    protected override SubmissionKind Kind => SubmissionKind.Plan;

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
